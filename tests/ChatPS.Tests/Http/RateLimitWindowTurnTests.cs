using ChatPS.Http;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Http;

/// <summary>
/// The client's end of a window is later than the server's (KOOK rounds <c>X-Rate-Limit-Reset</c> up to whole
/// seconds), so requests can land in the server's next window before the client refills. The client must never send
/// more than the server allows in a window: KOOK disables bots that keep exceeding limits.
/// </summary>
[Trait("Category", "Unit")]
public class RateLimitWindowTurnTests
{
    private const int Limit = 10;
    private const string Route = "user/view";
    private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

    private RateLimitState State(int remaining, double resetSeconds) =>
        new(Route, Limit, remaining, TimeSpan.FromSeconds(resetSeconds), false, _now);

    private void At(double seconds) => _now = DateTimeOffset.UnixEpoch.AddSeconds(seconds);

    /// <summary>Takes leases until one is held back (deterministic: the clock is the test's and does not move).</summary>
    private static async Task<(List<RateLimiter.Lease> Sent, Task<RateLimiter.Lease> Held, CancellationTokenSource Cancel)> SendUntilHeld(RateLimiter limiter)
    {
        var sent = new List<RateLimiter.Lease>();
        var cancel = new CancellationTokenSource();
        while (true)
        {
            var next = limiter.AcquireAsync(Route, null, cancel.Token);
            if (!next.IsCompleted) return (sent, next, cancel);
            sent.Add(await next);
            Assert.True(sent.Count <= 3 * Limit, "the limiter never held a request back");
        }
    }

    /// <summary>Takes leases until one is held back, cancels that one, and returns the others (still in flight).</summary>
    private static async Task<List<RateLimiter.Lease>> SendAllowed(RateLimiter limiter)
    {
        var (sent, held, cancel) = await SendUntilHeld(limiter);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held.WaitAsync(TestTimes.HangBound));
        cancel.Dispose();
        return sent;
    }

    /// <summary>A limiter whose first request was answered with <paramref name="remaining"/> and <paramref name="resetSeconds"/>.</summary>
    private async Task<RateLimiter> AfterProbe(int remaining, double resetSeconds)
    {
        var limiter = new RateLimiter(() => _now);
        using (var probe = await limiter.AcquireAsync(Route, null, CancellationToken.None)) probe.Complete(State(remaining, resetSeconds));
        return limiter;
    }

    [Fact]
    public async Task Requests_answered_in_the_servers_next_window_count_against_it_after_the_refill()
    {
        // The server's window ends at 0.5 s; its reply at 0 says 5 left and "reset in 1 s" (0.5 rounded up).
        var limiter = await AfterProbe(5, 1);

        // At 0.6 s the client spends the 5 it has left; they land in the server's next window (ends 1.5 s).
        At(0.6);
        var late = await SendAllowed(limiter);
        Assert.Equal(5, late.Count);
        At(0.7);
        for (int i = 0; i < late.Count; i++) late[i].Complete(State(Limit - 1 - i, 1));

        // At 1 s the client's window ends. The server's current one has counted those 5: at most 5 more may go.
        At(1.0);
        var sent = await SendAllowed(limiter);
        Assert.True(sent.Count <= Limit - late.Count,
            $"{sent.Count} requests let through after the refill; the server's window had room for {Limit - late.Count}");
        Assert.True(sent.Count > 0, "the refill let nothing through");
        sent.ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task The_first_reply_after_a_refill_restores_the_room_the_refill_held_back()
    {
        var limiter = await AfterProbe(5, 1);
        At(0.2);
        var early = await SendAllowed(limiter);
        // Answered before the server's window could have ended? The client cannot tell (Reset is whole seconds), so
        // the refill holds them back...
        foreach (var lease in early) lease.Complete(State(0, 1));
        At(1.0);
        var (sent, blocked, stop) = await SendUntilHeld(limiter);
        Assert.True(sent.Count < Limit, $"{sent.Count} requests let through after the refill");

        // ...until the first reply of the new window, which counts every request answered before it, says they were
        // counted in the window before: then the rest may go (9 left, less the 3 still in flight).
        At(1.1);
        sent[0].Complete(State(Limit - 1, 0));
        using (await blocked.WaitAsync(TestTimes.HangBound))
            Assert.Equal(Limit - 1 - (sent.Count - 1) - 1, limiter.Snapshot(Route)!.Value.Remaining);
        sent.Skip(1).ToList().ForEach(l => l.Dispose());
        stop.Dispose();
    }

    [Fact]
    public async Task A_probe_that_failed_without_a_reply_leaves_the_bucket_probing_one_at_a_time()
    {
        var limiter = new RateLimiter(() => _now);
        // A timeout or a dropped connection: no reply, so nothing is known about the limit yet.
        (await limiter.AcquireAsync(Route, null, CancellationToken.None)).Dispose();
        Assert.Single(await SendAllowed(limiter)).Dispose();
    }

    [Fact]
    public async Task A_refill_is_full_when_nothing_was_answered_after_the_servers_window_could_have_ended()
    {
        // "Reset in 3 s" at 0: the server's window ends after 2 s, and nothing is answered after that.
        var limiter = await AfterProbe(0, 3);
        At(3.0);
        var sent = await SendAllowed(limiter);
        Assert.Equal(Limit, sent.Count);
        sent.ForEach(l => l.Dispose());
    }
}
