namespace ChatPS.Tests.Infrastructure;

/// <summary>Locates the repository (and the assembled module) from the test output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ModuleFolder => Path.Combine(Root, "out", "ChatPS");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ChatPS.sln"))) return dir.FullName;
        throw new InvalidOperationException("ChatPS.sln not found above " + AppContext.BaseDirectory);
    }
}
