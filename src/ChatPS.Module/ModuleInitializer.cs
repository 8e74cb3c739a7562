using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace ChatPS.Module
{
    /// <summary>
    /// Runs when PowerShell imports the module. Resolves the netstandard packages ChatPS depends on
    /// (System.Text.Json and its helpers) from the module's <c>dependencies</c> folder, but only when
    /// the host could not find them itself: PowerShell 7.4+ already carries newer copies and binds to
    /// those, so no second System.Text.Json is ever loaded there. Windows PowerShell 5.1 has none,
    /// and its binder does not look in a module's folder for a dependency's dependencies.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string DependencyFolder =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "dependencies");

        /// <summary>Installs the resolver.</summary>
        public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;

        /// <summary>Removes the resolver when the module is removed.</summary>
        public void OnRemove(PSModuleInfo psModuleInfo) => AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;

        private static Assembly? ResolveDependency(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            if (string.IsNullOrEmpty(name.Name)) return null;
            // Only the assemblies ChatPS ships; anything else is the host's business.
            string candidate = Path.Combine(DependencyFolder, name.Name + ".dll");
            if (!File.Exists(candidate)) return null;
            foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
            {
                if (string.Equals(loaded.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase)) return loaded;
            }
            return Assembly.LoadFrom(candidate);
        }
    }
}
