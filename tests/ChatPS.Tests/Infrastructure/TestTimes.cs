namespace ChatPS.Tests.Infrastructure;

/// <summary>
/// The clock values the suite uses, in one place. Tests must pass on a busy machine: no test asserts on how fast
/// something ran, and a timeout only decides a test about timeouts, with wide margins on both sides.
/// </summary>
public static class TestTimes
{
    /// <summary>
    /// The per-attempt timeout of tests that are not about timeouts: far beyond a cold request on a loaded machine,
    /// so it never turns a slow answer into a retry and changes the counts a test checks.
    /// </summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The per-attempt timeout of tests about timeouts: far longer than a cold request, far shorter than a stall.</summary>
    public static readonly TimeSpan ShortAttemptTimeout = TimeSpan.FromSeconds(5);

    /// <summary>An injected stall: only a timeout or a cancellation can end it within a test's life.</summary>
    public const double StallSeconds = 600;

    /// <summary>
    /// How long to wait for something that must happen (a signal, a cancelled call to end) before calling it a hang.
    /// Generous, and far below <see cref="StallSeconds"/>: only a call that ignored its cancellation reaches it.
    /// </summary>
    public static readonly TimeSpan HangBound = TimeSpan.FromSeconds(60);
}
