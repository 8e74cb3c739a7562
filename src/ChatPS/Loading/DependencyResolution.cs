using System;
using System.Collections.Generic;
using System.Reflection;

namespace ChatPS.Loading
{
    /// <summary>
    /// Decides how the module's resolver answers a request for one of the assemblies it ships, from names and
    /// versions only. The rules:
    /// <list type="bullet">
    /// <item>An already-loaded copy is handed out only when its version is at least the one requested. An older copy
    /// (another module loaded an older System.Memory first) would bind cleanly and then fail at the first call with a
    /// <see cref="MissingMethodException"/>; Windows PowerShell applies no binding redirects that could hide this.</item>
    /// <item>Otherwise the shipped file is loaded, when it is new enough.</item>
    /// <item>On .NET Core (PowerShell 7) an assembly of PowerShell's own, loaded or in its platform list, is never
    /// loaded a second time: the default load context holds one copy of a name. The request is left unanswered and
    /// the binder's error names the assembly.</item>
    /// </list>
    /// Uses only core library types: it runs inside an assembly-resolve event, where touching a dependency would
    /// re-enter the resolver.
    /// </summary>
    internal static class DependencyResolution
    {
        /// <summary>Chooses how to answer <paramref name="requested"/>.</summary>
        /// <param name="requested">The reference being resolved.</param>
        /// <param name="loaded">The names of the assemblies loaded in the process, in any order.</param>
        /// <param name="shipped">The name of the file in the module's dependencies folder, or null when there is none.</param>
        /// <param name="runtime">The runtime the process runs on.</param>
        /// <param name="platformHasIt">On .NET Core: whether the name is one of the host's platform assemblies.</param>
        internal static DependencyChoice Choose(AssemblyName requested, IReadOnlyList<AssemblyName> loaded, AssemblyName? shipped, RuntimeKind runtime, bool platformHasIt)
        {
            if (requested is null) throw new ArgumentNullException(nameof(requested));
            if (loaded is null) throw new ArgumentNullException(nameof(loaded));
            if (string.IsNullOrEmpty(requested.Name)) return DependencyChoice.None("the request has no name");
            if (shipped is null || !SameName(shipped, requested))
                return DependencyChoice.None($"the module does not ship {requested.Name}");

            Version wanted = requested.Version ?? new Version(0, 0);
            int best = -1;
            Version? bestVersion = null;
            bool olderLoaded = false;
            for (int i = 0; i < loaded.Count; i++)
            {
                var candidate = loaded[i];
                if (!SameName(candidate, requested) || !SameKey(candidate, requested)) continue;
                var version = candidate.Version ?? new Version(0, 0);
                if (version < wanted)
                {
                    olderLoaded = true;
                    continue;
                }
                // The highest of several acceptable copies: the one the most callers can use.
                if (bestVersion is null || version > bestVersion)
                {
                    best = i;
                    bestVersion = version;
                }
            }
            if (best >= 0)
                return DependencyChoice.Loaded(best, $"{requested.Name} {bestVersion} is loaded and satisfies {wanted}");

            if (runtime == RuntimeKind.NetCore && (olderLoaded || platformHasIt))
                return DependencyChoice.None($"PowerShell's own {requested.Name} is older than {wanted}; a second copy cannot be loaded beside it");

            var shippedVersion = shipped.Version ?? new Version(0, 0);
            if (shippedVersion < wanted)
                return DependencyChoice.None($"the shipped {requested.Name} {shippedVersion} is older than {wanted}");
            return DependencyChoice.Shipped(olderLoaded
                ? $"only older copies of {requested.Name} are loaded; loading the shipped {shippedVersion}"
                : $"loading the shipped {requested.Name} {shippedVersion}");
        }

        private static bool SameName(AssemblyName a, AssemblyName b) => string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

        // A request that names a public key token is only satisfied by an assembly signed with that key.
        private static bool SameKey(AssemblyName candidate, AssemblyName requested)
        {
            byte[]? wanted = requested.GetPublicKeyToken();
            if (wanted is null || wanted.Length == 0) return true;
            byte[]? actual = candidate.GetPublicKeyToken();
            if (actual is null || actual.Length != wanted.Length) return false;
            for (int i = 0; i < wanted.Length; i++)
                if (wanted[i] != actual[i]) return false;
            return true;
        }
    }
}
