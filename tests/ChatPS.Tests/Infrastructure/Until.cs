namespace ChatPS.Tests.Infrastructure;

/// <summary>
/// Waits for a state the code under test reaches on its own (a caller parked in a wait, a request received), rather
/// than sleeping a guessed time: the test goes on as soon as the state holds, however slow the machine is, and only a
/// hang reaches <see cref="TestTimes.HangBound"/>.
/// </summary>
public static class Until
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails the test naming <paramref name="what"/> if it never does.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TestTimes.HangBound) throw new TimeoutException($"Not reached within {TestTimes.HangBound.TotalSeconds} s: {what}.");
            await Task.Delay(5);
        }
    }
}
