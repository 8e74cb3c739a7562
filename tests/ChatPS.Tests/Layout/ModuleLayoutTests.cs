using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Layout;

/// <summary>`dotnet build` must leave an importable module in out/ChatPS; checked without a PowerShell runtime.</summary>
public class ModuleLayoutTests
{
    private static string ModuleFile(string name) => Path.Combine(RepoPaths.ModuleFolder, name);

    [Theory]
    [InlineData("ChatPS.psd1")]
    [InlineData("ChatPS.dll")]
    [InlineData("ChatPS.Module.dll")]
    [InlineData("dependencies/System.Text.Json.dll")]
    [InlineData("dependencies/System.Net.Http.Json.dll")]
    public void The_module_folder_holds_the_manifest_assemblies_and_dependencies(string file) =>
        Assert.True(File.Exists(ModuleFile(file)), file + " is missing from " + RepoPaths.ModuleFolder);

    [Fact]
    public void The_host_assembly_is_not_shipped() =>
        Assert.False(File.Exists(ModuleFile("dependencies/System.Management.Automation.dll")));

    [Fact]
    public void The_core_has_no_PowerShell_dependency_and_binds_to_System_Text_Json_8()
    {
        using var context = LoadContext();
        var core = context.LoadFromAssemblyPath(ModuleFile("ChatPS.dll"));
        var references = core.GetReferencedAssemblies();
        Assert.DoesNotContain(references, r => r.Name == "System.Management.Automation");
        var json = Assert.Single(references, r => r.Name == "System.Text.Json");
        Assert.Equal(8, json.Version!.Major);
    }

    [Fact]
    public void The_module_assembly_targets_netstandard_and_has_its_initializer()
    {
        using var context = LoadContext();
        var module = context.LoadFromAssemblyPath(ModuleFile("ChatPS.Module.dll"));
        Assert.Contains(module.GetReferencedAssemblies(), r => r.Name == "netstandard");
        var initializer = module.GetType("ChatPS.Module.ModuleInitializer", throwOnError: true)!;
        Assert.Contains(initializer.GetInterfaces(), i => i.FullName == "System.Management.Automation.IModuleAssemblyInitializer");
    }

    [Fact]
    public void The_manifest_names_the_root_module_and_matches_the_assembly_version()
    {
        string psd1 = File.ReadAllText(ModuleFile("ChatPS.psd1"));
        Assert.Matches(@"RootModule\s*=\s*'ChatPS\.Module\.dll'", psd1);
        Assert.Matches(@"GUID\s*=\s*'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'", psd1);
        Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Desktop',\s*'Core'\)", psd1);
        Assert.Matches(@"PowerShellVersion\s*=\s*'5\.1'", psd1);
        Assert.DoesNotMatch(@"ToExport\s*=\s*'\*'", psd1);
        var version = Regex.Match(psd1, @"ModuleVersion\s*=\s*'([^']+)'").Groups[1].Value;
        using var context = LoadContext();
        var module = context.LoadFromAssemblyPath(ModuleFile("ChatPS.Module.dll"));
        Assert.Equal(version, module.GetName().Version!.ToString(3));
    }

    internal static MetadataLoadContext LoadContext()
    {
        var paths = new List<string>(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"));
        paths.AddRange(Directory.GetFiles(RepoPaths.ModuleFolder, "*.dll"));
        paths.AddRange(Directory.GetFiles(Path.Combine(RepoPaths.ModuleFolder, "dependencies"), "*.dll"));
        var sma = FindPowerShellReference();
        if (sma != null) paths.Add(sma);
        return new MetadataLoadContext(new PathAssemblyResolver(paths.Distinct(StringComparer.OrdinalIgnoreCase)));
    }

    /// <summary>The compile-time System.Management.Automation from the PowerShellStandard.Library package.</summary>
    private static string? FindPowerShellReference()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string candidate = Path.Combine(packages, "powershellstandard.library", "5.1.0-preview-06", "lib", "netstandard2.0", "System.Management.Automation.dll");
        return File.Exists(candidate) ? candidate : null;
    }
}
