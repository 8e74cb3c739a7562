namespace ChatPS.Tests.Infrastructure;

/// <summary>A theory that needs POSIX signals: skipped on Windows.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Needs POSIX signals (kill); Windows has none.";
    }
}
