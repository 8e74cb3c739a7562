using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;

namespace ChatPS.Loading
{
    /// <summary>
    /// Answers assembly-resolve requests for the files in the module's <c>dependencies</c> folder, following
    /// <see cref="DependencyResolution"/>. The module's initializer only subscribes <see cref="Resolve(object, ResolveEventArgs)"/>.
    /// </summary>
    internal sealed class ModuleDependencyResolver
    {
        private readonly string _folder;
        private readonly ConcurrentDictionary<string, AssemblyName?> _shipped = new ConcurrentDictionary<string, AssemblyName?>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Resolves from <paramref name="dependencyFolder"/>.</summary>
        public ModuleDependencyResolver(string dependencyFolder) =>
            _folder = dependencyFolder ?? throw new ArgumentNullException(nameof(dependencyFolder));

        /// <summary>What the last request decided (for tests and diagnostics).</summary>
        public DependencyChoice LastChoice { get; private set; }

        /// <summary>An <see cref="AppDomain.AssemblyResolve"/> handler.</summary>
        public Assembly? Resolve(object? sender, ResolveEventArgs args) => args is null ? null : Resolve(args.Name);

        /// <summary>Answers a request for <paramref name="assemblyName"/>: a loaded copy, the shipped file, or null.</summary>
        public Assembly? Resolve(string assemblyName)
        {
            var requested = new AssemblyName(assemblyName);
            if (string.IsNullOrEmpty(requested.Name)) return null;
            string file = Path.Combine(_folder, requested.Name + ".dll");
            var shipped = _shipped.GetOrAdd(requested.Name!, _ => File.Exists(file) ? AssemblyName.GetAssemblyName(file) : null);
            // Most requests are for names the module does not ship: answer those without listing the process's assemblies.
            if (shipped is null) return null;

            var loaded = AppDomain.CurrentDomain.GetAssemblies();
            var names = new AssemblyName[loaded.Length];
            for (int i = 0; i < loaded.Length; i++) names[i] = loaded[i].GetName();
            var choice = DependencyResolution.Choose(requested, names, shipped, HostRuntime.Current,
                HostRuntime.Current == RuntimeKind.NetCore && IsPlatformAssembly(requested.Name!, AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string));
            LastChoice = choice;
            switch (choice.Source)
            {
                case DependencySource.Loaded: return loaded[choice.LoadedIndex];
                case DependencySource.Shipped: return Assembly.LoadFrom(file);
                default: return null;
            }
        }

        /// <summary>Whether <paramref name="name"/> is in the host's trusted platform assembly list (paths separated by <see cref="Path.PathSeparator"/>).</summary>
        internal static bool IsPlatformAssembly(string name, string? trustedPlatformAssemblies)
        {
            if (string.IsNullOrEmpty(trustedPlatformAssemblies)) return false;
            foreach (var path in trustedPlatformAssemblies!.Split(Path.PathSeparator))
                if (string.Equals(Path.GetFileNameWithoutExtension(path), name, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }
}
