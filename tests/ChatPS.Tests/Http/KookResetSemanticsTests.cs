using System.Net.Http;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Http;

/// <summary>
/// KOOK's rate-limit headers as live replies carry them: <c>Reset</c> is whole seconds to wait (0 while room remains),
/// and <c>X-Rate-Limit-Global</c> is a flag with no value that pauses every bucket.
/// </summary>
[Trait("Category", "Unit")]
public class KookResetSemanticsTests
{
    private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

    private RateLimitState State(int remaining, double resetSeconds, string bucket = "user/view", bool global = false) =>
        new(bucket, 240, remaining, TimeSpan.FromSeconds(resetSeconds), global, _now);

    [Fact]
    public void The_global_flag_is_read_when_it_has_no_value()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("X-Rate-Limit-Global", string.Empty);
        response.Headers.TryAddWithoutValidation("X-Rate-Limit-Reset", "3");
        var state = RateLimitState.FromHeaders(response.Headers, _now);
        Assert.True(state.IsGlobal);
        Assert.Equal(TimeSpan.FromSeconds(3), state.ResetAfter);
    }

    [Theory]
    [InlineData(10, 0, false, null)]  // room left, "wait 0": says nothing about the window's end
    [InlineData(0, 2, false, 2.0)]    // exhausted: wait the seconds given
    [InlineData(0, 0, false, 1.0)]    // exhausted but rounded down to 0: a second
    [InlineData(5, 0, true, 1.0)]     // a refusal saying 0 has been rounded down too
    [InlineData(3, 4, false, 4.0)]
    public void Reset_is_seconds_to_wait_and_zero_with_room_left_is_unknown(int remaining, double reset, bool rejected, double? expectedSeconds)
    {
        var at = RateLimiter.ResetTimeOf(State(remaining, reset), rejected);
        Assert.Equal(expectedSeconds is null ? DateTimeOffset.MaxValue : _now.AddSeconds(expectedSeconds.Value), at);
    }

    [Fact]
    public async Task Replies_saying_reset_0_with_room_left_do_not_refill_the_bucket_early()
    {
        var limiter = new RateLimiter(() => _now);
        using (var lease = await limiter.AcquireAsync("user/view", null, CancellationToken.None)) lease.Complete(State(1, 0));
        // A client taking "Reset: 0" as "the window ends now" would refill to 240 here.
        _now += TimeSpan.FromMilliseconds(10);
        using (var lease = await limiter.AcquireAsync("user/view", null, CancellationToken.None)) lease.Complete(State(0, 2));
        Assert.Equal(0, limiter.Snapshot("user/view")!.Value.Remaining);

        var held = limiter.AcquireAsync("user/view", null, CancellationToken.None);
        await Until.TrueAsync(() => limiter.Waiting == 1, "the request waits for the reset");
        Assert.False(held.IsCompleted);
        _now += TimeSpan.FromSeconds(3);
        (await held.WaitAsync(TestTimes.HangBound)).Dispose();
    }

    [Fact]
    public async Task A_global_limit_pauses_every_bucket_of_the_connection()
    {
        var limiter = new RateLimiter(() => _now);
        // Learn two buckets with plenty of room.
        using (var lease = await limiter.AcquireAsync("user/me", null, CancellationToken.None)) lease.Complete(State(200, 0, "user/me"));
        using (var lease = await limiter.AcquireAsync("user/get-online-status", null, CancellationToken.None)) lease.Complete(State(200, 0, "user/get-online-status"));

        using (var lease = await limiter.AcquireAsync("user/view", null, CancellationToken.None))
            lease.Complete(State(0, 2, global: true), rejected: true);
        Assert.Equal(_now.AddSeconds(2), limiter.GlobalPausedUntil);

        var reasons = new List<string>();
        var me = limiter.AcquireAsync("user/me", (_, why) => { lock (reasons) reasons.Add(why); }, CancellationToken.None);
        var status = limiter.AcquireAsync("user/get-online-status", null, CancellationToken.None);
        var unseen = limiter.AcquireAsync("user/offline", null, CancellationToken.None);
        await Until.TrueAsync(() => limiter.Waiting == 3, "all three requests wait");
        Assert.False(me.IsCompleted, "a bucket with room was not paused by the global limit");
        Assert.False(status.IsCompleted);
        Assert.False(unseen.IsCompleted);
        Assert.Contains("global rate limit", reasons);

        _now += TimeSpan.FromSeconds(2.5);
        (await me.WaitAsync(TestTimes.HangBound)).Dispose();
        (await status.WaitAsync(TestTimes.HangBound)).Dispose();
        (await unseen.WaitAsync(TestTimes.HangBound)).Dispose();
    }

    [Fact]
    public async Task A_global_flag_without_a_reset_still_pauses_for_a_second()
    {
        var limiter = new RateLimiter(() => _now);
        using (var lease = await limiter.AcquireAsync("user/view", null, CancellationToken.None))
            lease.Complete(new RateLimitState(null, null, null, null, true, _now), rejected: true);
        Assert.Equal(_now.AddSeconds(1), limiter.GlobalPausedUntil);
    }
}
