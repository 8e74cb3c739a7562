namespace ChatPS.Loading
{
    /// <summary>The answer to one dependency request: where from and, for a loaded assembly, which one.</summary>
    internal readonly struct DependencyChoice
    {
        private DependencyChoice(DependencySource source, int loadedIndex, string reason)
        {
            Source = source;
            LoadedIndex = loadedIndex;
            Reason = reason;
        }

        /// <summary>Where the request is answered from.</summary>
        public DependencySource Source { get; }

        /// <summary>For <see cref="DependencySource.Loaded"/>: the index into the loaded list given to the decision; -1 otherwise.</summary>
        public int LoadedIndex { get; }

        /// <summary>Why, for diagnostics and test messages.</summary>
        public string Reason { get; }

        internal static DependencyChoice None(string reason) => new DependencyChoice(DependencySource.None, -1, reason);

        internal static DependencyChoice Loaded(int index, string reason) => new DependencyChoice(DependencySource.Loaded, index, reason);

        internal static DependencyChoice Shipped(string reason) => new DependencyChoice(DependencySource.Shipped, -1, reason);

        /// <summary>E.g. <c>Loaded #3: ...</c>.</summary>
        public override string ToString() => Source == DependencySource.Loaded ? $"Loaded #{LoadedIndex}: {Reason}" : $"{Source}: {Reason}";
    }
}
