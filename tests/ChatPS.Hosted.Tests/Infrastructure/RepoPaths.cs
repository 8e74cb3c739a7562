namespace ChatPS.Hosted.Tests.Infrastructure;

/// <summary>Locates the repository and the module <c>dotnet build</c> assembled in <c>out/ChatPS</c>.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding <c>ChatPS.sln</c>, found by walking up from the test output folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The assembled module's folder.</summary>
    public static string ModuleFolder => Path.Combine(Root, "out", "ChatPS");

    /// <summary>
    /// The built manifest, by full path. A missing one fails every test with the fix in the message, not with an
    /// engine error about a module name it cannot find.
    /// </summary>
    public static string RequireModuleManifest()
    {
        string manifest = Path.Combine(ModuleFolder, "ChatPS.psd1");
        if (!File.Exists(manifest))
            throw new InvalidOperationException(
                $"The built module is missing: {manifest} does not exist. Run `dotnet build ChatPS.sln` (it assembles out/ChatPS) before these tests.");
        return manifest;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ChatPS.sln"))) return dir.FullName;
        throw new InvalidOperationException("ChatPS.sln not found above " + AppContext.BaseDirectory);
    }
}
