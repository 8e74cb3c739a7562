using System;
using System.IO;
using System.Management.Automation;
using ChatPS.Automation;
using ChatPS.Loading;

namespace ChatPS.Module
{
    /// <summary>
    /// Runs when PowerShell imports the module. Resolves the netstandard packages ChatPS depends on
    /// (System.Text.Json and its helpers) from the module's <c>dependencies</c> folder when the host cannot
    /// bind them itself: Windows PowerShell 5.1 has none of them and applies no binding redirects for a module.
    /// The rules (never an older copy, never a second copy of PowerShell's own) are in <see cref="DependencyResolution"/>.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly ModuleDependencyResolver Resolver = new ModuleDependencyResolver(
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "dependencies"));

        /// <summary>Installs the resolver, then starts compiling what the first connect will need (see <see cref="FirstCallWarmUp"/>).</summary>
        public void OnImport()
        {
            AppDomain.CurrentDomain.AssemblyResolve += Resolver.Resolve;
            FirstCallWarmUp.Begin();
        }

        /// <summary>Removes the resolver when the module is removed.</summary>
        public void OnRemove(PSModuleInfo psModuleInfo) => AppDomain.CurrentDomain.AssemblyResolve -= Resolver.Resolve;
    }
}
