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
    [InlineData("ChatPS.types.ps1xml")]
    [InlineData("ChatPS.format.ps1xml")]
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

    [Fact]
    public void Every_model_is_shown_through_the_adapter_of_the_types_file()
    {
        // A TypeAdapter applies to one exact type, so a model missing from ChatPS.types.ps1xml would show its
        // undeclared fields nowhere; the manifest must load the assemblies before the types file names them.
        string psd1 = File.ReadAllText(ModuleFile("ChatPS.psd1"));
        Assert.Matches(@"TypesToProcess\s*=\s*@\('ChatPS\.types\.ps1xml'\)", psd1);
        Assert.Matches(@"RequiredAssemblies\s*=\s*@\('ChatPS\.dll',\s*'ChatPS\.Module\.dll'\)", psd1);
        var types = System.Xml.Linq.XDocument.Load(ModuleFile("ChatPS.types.ps1xml")).Root!.Elements("Type")
            .ToDictionary(t => t.Element("Name")!.Value, t => t.Element("TypeAdapter")?.Element("TypeName")?.Value);
        using var context = LoadContext();
        var core = context.LoadFromAssemblyPath(ModuleFile("ChatPS.dll"));
        var models = core.GetTypes()
            .Where(t => !t.IsAbstract && IsApiModel(t))
            .Select(t => t.FullName!)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(models);
        Assert.Equal(models, types.Keys.OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(types.Values, adapter => Assert.Equal("ChatPS.Module.ApiModelAdapter", adapter));
        var module = context.LoadFromAssemblyPath(ModuleFile("ChatPS.Module.dll"));
        Assert.Equal("System.Management.Automation.PSPropertyAdapter", module.GetType("ChatPS.Module.ApiModelAdapter", throwOnError: true)!.BaseType!.FullName);
    }

    private static bool IsApiModel(Type type)
    {
        for (var t = type.BaseType; t != null; t = t.BaseType)
            if (t.FullName == "ChatPS.Json.ApiModel") return true;
        return false;
    }

    [Fact]
    public void Models_expose_no_member_that_is_not_data()
    {
        // PowerShell lists every public member (explicit interface implementations included) in Get-Member,
        // Format-List *, Export-Csv and ConvertTo-Json; the extension-data store must stay internal.
        using var context = LoadContext();
        var core = context.LoadFromAssemblyPath(ModuleFile("ChatPS.dll"));
        var apiModel = core.GetType("ChatPS.Json.ApiModel", throwOnError: true)!;
        Assert.Empty(apiModel.GetInterfaces());
        Assert.DoesNotContain(apiModel.GetProperties(BindingFlags.Public | BindingFlags.Instance), p => p.Name == "AdditionalProperties");
        Assert.DoesNotContain(apiModel.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly),
            m => m.Name.Contains("OnDeserialized", StringComparison.Ordinal));
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
