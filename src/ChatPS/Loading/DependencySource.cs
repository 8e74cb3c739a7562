namespace ChatPS.Loading
{
    /// <summary>Where a dependency request is answered from.</summary>
    internal enum DependencySource
    {
        /// <summary>Not answered: the binder reports the missing assembly by name (better than a wrong copy failing later).</summary>
        None,

        /// <summary>An assembly already loaded in the process.</summary>
        Loaded,

        /// <summary>The copy in the module's <c>dependencies</c> folder.</summary>
        Shipped,
    }
}
