using System.Reflection;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Layout;

/// <summary>
/// Windows PowerShell 5.1 runs nowhere here, so its binder is reproduced from metadata: every assembly in the built
/// out/ChatPS is loaded with MetadataLoadContext against the .NET Framework 4.7.2 reference assemblies and
/// PowerShell's System.Management.Automation, and every reference must be met by a version at least as high.
/// </summary>
public class FrameworkClosureTests
{
    private static string Metadata(string key) =>
        typeof(FrameworkClosureTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static string Net472 => Metadata("Net472ReferenceAssemblies");

    private static string SystemManagementAutomation => Metadata("PowerShellStandardLibrary");

    private static IEnumerable<string> ShippedFiles() =>
        new[] { "ChatPS.dll", "ChatPS.Module.dll" }.Select(f => Path.Combine(RepoPaths.ModuleFolder, f))
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.ModuleFolder, "dependencies"), "*.dll").Order(StringComparer.Ordinal));

    private static IEnumerable<string> PlatformFiles()
    {
        // A name in both folders is taken from the main one, the way the framework's own binder sees it.
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.GetFiles(Path.Combine(Net472, "Facades"), "*.dll").Concat(Directory.GetFiles(Net472, "*.dll")))
            files[Path.GetFileNameWithoutExtension(file)] = file;
        files["System.Management.Automation"] = SystemManagementAutomation;
        return files.Values.Where(IsAssembly);
    }

    // A few files in the reference folder are bare modules (no assembly manifest): nothing can reference them by name.
    private static bool IsAssembly(string file)
    {
        try
        {
            _ = AssemblyName.GetAssemblyName(file);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    [Fact]
    public void The_reference_assemblies_are_present()
    {
        Assert.True(File.Exists(Path.Combine(Net472, "mscorlib.dll")), "no .NET Framework 4.7.2 reference assemblies in " + Net472);
        Assert.True(File.Exists(Path.Combine(Net472, "Facades", "netstandard.dll")), "no netstandard facade in " + Net472);
        Assert.True(File.Exists(SystemManagementAutomation), SystemManagementAutomation);
    }

    [Fact]
    public void Every_reference_of_the_built_module_binds_on_NET_Framework_472()
    {
        var platformFiles = PlatformFiles().ToList();
        var shippedFiles = ShippedFiles().ToList();
        using var context = new MetadataLoadContext(new PathAssemblyResolver(platformFiles.Concat(shippedFiles)), "mscorlib");

        var platform = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in platformFiles)
        {
            var name = AssemblyName.GetAssemblyName(file);
            platform[name.Name!] = name.Version!;
        }

        var shipped = new List<ShippedAssembly>();
        foreach (var file in shippedFiles)
        {
            var assembly = context.LoadFromAssemblyPath(file);
            shipped.Add(new ShippedAssembly(Path.GetRelativePath(RepoPaths.ModuleFolder, file), assembly.GetName(), assembly.GetReferencedAssemblies()));
        }

        // The closure is only meaningful over the whole folder: System.Text.Json must be among what was read.
        Assert.Contains(shipped, s => s.Identity.Name == "System.Text.Json");
        var gaps = BindingClosure.FindGaps(shipped, platform);
        Assert.True(gaps.Count == 0, "first gap: " + gaps.FirstOrDefault() + (gaps.Count > 1 ? $" (and {gaps.Count - 1} more)" : ""));

        // Each shipped type's base types and interfaces resolve too: a type forwarded away or missing would throw here.
        foreach (var file in shippedFiles)
        {
            foreach (var type in context.LoadFromAssemblyPath(file).GetTypes())
            {
                _ = type.BaseType;
                _ = type.GetInterfaces();
            }
        }
    }

    private static ShippedAssembly Shipped(string name, string version, params string[] references) =>
        new(name + ".dll", new AssemblyName($"{name}, Version={version}"), references.Select(r => new AssemblyName(r)).ToList());

    private static readonly IReadOnlyDictionary<string, Version> Framework = new Dictionary<string, Version>
    {
        ["mscorlib"] = new(4, 0, 0, 0),
        ["netstandard"] = new(2, 0, 0, 0),
        ["System.Net.Http"] = new(4, 2, 0, 0),
    };

    [Fact, Trait("Category", "Unit")]
    public void A_dependency_built_against_a_newer_dependency_than_the_module_ships_is_the_first_gap()
    {
        var set = new[]
        {
            Shipped("System.Text.Json", "8.0.0.0", "netstandard, Version=2.0.0.0", "System.Memory, Version=4.0.1.2"),
            Shipped("System.Memory", "4.0.1.1", "netstandard, Version=2.0.0.0"),
        };
        var gap = Assert.Single(BindingClosure.FindGaps(set, Framework));
        Assert.Equal("System.Text.Json.dll (System.Text.Json 8.0.0.0) references System.Memory 4.0.1.2, but the module ships 4.0.1.1 (System.Memory.dll)", gap.ToString());
    }

    [Fact, Trait("Category", "Unit")]
    public void A_reference_to_a_newer_framework_assembly_than_472_has_is_a_gap()
    {
        var set = new[] { Shipped("ChatPS", "0.1.0.0", "System.Net.Http, Version=4.2.1.0") };
        var gap = Assert.Single(BindingClosure.FindGaps(set, Framework));
        Assert.Contains(".NET Framework 4.7.2 has 4.2.0.0", gap.ToString());
    }

    [Fact, Trait("Category", "Unit")]
    public void A_reference_nothing_provides_is_a_gap()
    {
        var set = new[] { Shipped("ChatPS", "0.1.0.0", "netstandard, Version=2.0.0.0", "System.Text.Json, Version=8.0.0.0") };
        Assert.Contains("nothing provides it", Assert.Single(BindingClosure.FindGaps(set, Framework)).ToString());
    }

    [Fact, Trait("Category", "Unit")]
    public void References_met_by_the_facade_a_shipped_file_of_a_higher_version_or_a_newer_framework_copy_bind()
    {
        var set = new[]
        {
            Shipped("System.Text.Json", "8.0.0.0", "netstandard, Version=2.0.0.0", "System.Memory, Version=4.0.1.1", "System.Net.Http, Version=4.0.0.0"),
            Shipped("System.Memory", "4.0.1.2", "netstandard, Version=2.0.0.0"),
        };
        Assert.Empty(BindingClosure.FindGaps(set, Framework));
    }
}
