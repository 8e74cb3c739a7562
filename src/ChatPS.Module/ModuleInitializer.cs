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

        private static readonly ImportRegistration Registration = new ImportRegistration(
            () => AppDomain.CurrentDomain.AssemblyResolve += Resolver.Resolve,
            () => AppDomain.CurrentDomain.AssemblyResolve -= Resolver.Resolve);

        /// <summary>Installs the resolver, then starts compiling what the first connect will need (see <see cref="FirstCallWarmUp"/>).</summary>
        public void OnImport()
        {
            Registration.Imported();
            FirstCallWarmUp.Begin();
        }

        /// <summary>Removes the resolver when the module is removed.</summary>
        public void OnRemove(PSModuleInfo psModuleInfo) => Registration.Removed();

        /// <summary>
        /// What <see cref="OnImport"/> does, run from <see cref="ApiModelAdapter"/>'s static constructor: PowerShell creates
        /// the adapter while it reads the types file, which is ChatPS's first code to run in an import, before the format
        /// file is read and the cmdlets are found. Starting the warm-up there lets it overlap both: a fresh process's
        /// import, connect and first call took 2-8 ms less, measured on a source-built and a ReadyToRun pwsh.
        /// </summary>
        internal static void StartEarly()
        {
            Registration.Early();
            FirstCallWarmUp.Begin();
        }
    }
}
