using System.Reflection;
using ChatPS.Loading;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Automation;

public class DependencyResolutionTests
{
    private const string Token = "cc7b13ffcd2ddd51";

    private static AssemblyName Name(string name, string version, string? token = Token) =>
        new($"{name}, Version={version}, Culture=neutral, PublicKeyToken={token ?? "null"}");

    private static DependencyChoice Choose(AssemblyName requested, AssemblyName[] loaded, AssemblyName? shipped, RuntimeKind runtime = RuntimeKind.NetFramework, bool platformHasIt = false) =>
        DependencyResolution.Choose(requested, loaded, shipped, runtime, platformHasIt);

    [Fact, Trait("Category", "Unit")]
    public void An_older_loaded_copy_is_never_handed_out_the_shipped_file_is_loaded_instead()
    {
        // Another module loaded System.Memory 4.0.1.1 first; System.Text.Json 8 asks for 4.0.1.2.
        var choice = Choose(Name("System.Memory", "4.0.1.2"), new[] { Name("mscorlib", "4.0.0.0"), Name("System.Memory", "4.0.1.1") }, Name("System.Memory", "4.0.1.2"));
        Assert.Equal(DependencySource.Shipped, choice.Source);
    }

    [Fact, Trait("Category", "Unit")]
    public void A_loaded_copy_of_the_same_or_a_higher_version_is_reused()
    {
        var loaded = new[] { Name("System.Memory", "4.0.1.1"), Name("System.Memory", "4.0.1.2"), Name("System.Memory", "4.0.2.0") };
        var same = Choose(Name("System.Memory", "4.0.1.2"), loaded, Name("System.Memory", "4.0.1.2"));
        Assert.Equal((DependencySource.Loaded, 2), (same.Source, same.LoadedIndex));
        var older = Choose(Name("System.Memory", "4.0.1.0"), new[] { Name("System.Memory", "4.0.1.2") }, Name("System.Memory", "4.0.1.2"));
        Assert.Equal((DependencySource.Loaded, 0), (older.Source, older.LoadedIndex));
    }

    [Fact, Trait("Category", "Unit")]
    public void A_loaded_copy_signed_with_another_key_is_not_reused()
    {
        var choice = Choose(Name("System.Memory", "4.0.1.2"), new[] { Name("System.Memory", "9.0.0.0", "0123456789abcdef") }, Name("System.Memory", "4.0.1.2"));
        Assert.Equal(DependencySource.Shipped, choice.Source);
    }

    [Fact, Trait("Category", "Unit")]
    public void A_shipped_file_older_than_the_request_is_not_loaded()
    {
        var choice = Choose(Name("System.Memory", "4.0.2.0"), Array.Empty<AssemblyName>(), Name("System.Memory", "4.0.1.2"));
        Assert.Equal(DependencySource.None, choice.Source);
        Assert.Contains("older than 4.0.2.0", choice.Reason);
    }

    [Fact, Trait("Category", "Unit")]
    public void Names_the_module_does_not_ship_are_left_to_the_host()
    {
        Assert.Equal(DependencySource.None, Choose(Name("Newtonsoft.Json", "13.0.0.0"), new[] { Name("Newtonsoft.Json", "13.0.0.0") }, null).Source);
        Assert.Equal(DependencySource.None, Choose(Name("Newtonsoft.Json", "13.0.0.0"), Array.Empty<AssemblyName>(), Name("System.Memory", "4.0.1.2")).Source);
    }

    [Theory, Trait("Category", "Unit")]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void On_PowerShell_7_a_second_copy_of_the_hosts_assembly_is_never_loaded(bool hostLoadedAnOlderCopy, bool platformHasIt)
    {
        var loaded = hostLoadedAnOlderCopy ? new[] { Name("System.Text.Json", "8.0.0.0") } : Array.Empty<AssemblyName>();
        var choice = Choose(Name("System.Text.Json", "9.0.0.0"), loaded, Name("System.Text.Json", "9.0.0.0"), RuntimeKind.NetCore, platformHasIt);
        Assert.Equal(DependencySource.None, choice.Source);
    }

    [Fact, Trait("Category", "Unit")]
    public void On_PowerShell_7_the_hosts_copy_is_reused_and_a_name_it_lacks_is_loaded_from_the_module()
    {
        var reused = Choose(Name("System.Text.Json", "8.0.0.0"), new[] { Name("System.Text.Json", "10.0.0.0") }, Name("System.Text.Json", "8.0.0.0"), RuntimeKind.NetCore, platformHasIt: true);
        Assert.Equal(DependencySource.Loaded, reused.Source);
        var shipped = Choose(Name("Microsoft.Bcl.AsyncInterfaces", "8.0.0.0"), Array.Empty<AssemblyName>(), Name("Microsoft.Bcl.AsyncInterfaces", "8.0.0.0"), RuntimeKind.NetCore);
        Assert.Equal(DependencySource.Shipped, shipped.Source);
    }

    [Fact, Trait("Category", "Unit")]
    public void The_platform_list_is_matched_by_file_name()
    {
        string sep = Path.PathSeparator.ToString();
        string list = string.Join(sep, "/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0/System.Text.Json.dll", "/opt/pwsh/System.Management.Automation.dll");
        Assert.True(ModuleDependencyResolver.IsPlatformAssembly("system.text.json", list));
        Assert.False(ModuleDependencyResolver.IsPlatformAssembly("System.Memory", list));
        Assert.False(ModuleDependencyResolver.IsPlatformAssembly("System.Memory", null));
    }

    // The real resolver in this .NET 10 process, over the built module's dependencies folder.
    private static ModuleDependencyResolver BuiltModuleResolver() => new(Path.Combine(RepoPaths.ModuleFolder, "dependencies"));

    [Fact]
    public void In_this_process_a_request_the_runtime_can_meet_gets_the_runtimes_loaded_copy()
    {
        var resolver = BuiltModuleResolver();
        var loaded = typeof(System.Text.Json.JsonSerializer).Assembly;
        Assert.Same(loaded, resolver.Resolve("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"));
    }

    [Fact]
    public void In_this_process_a_request_above_the_runtimes_copy_loads_no_second_one()
    {
        var resolver = BuiltModuleResolver();
        int before = AppDomain.CurrentDomain.GetAssemblies().Count(a => a.GetName().Name == "System.Text.Json");
        Assert.Null(resolver.Resolve("System.Text.Json, Version=99.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"));
        Assert.Equal(DependencySource.None, resolver.LastChoice.Source);
        Assert.Equal(before, AppDomain.CurrentDomain.GetAssemblies().Count(a => a.GetName().Name == "System.Text.Json"));
    }
}
