using System.Net.Http;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Http;

public class RateLimitStateTests
{
    private static RateLimitState Parse(params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return RateLimitState.FromHeaders(response.Headers, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void Reads_every_KOOK_header()
    {
        var s = Parse(("X-Rate-Limit-Limit", "100"), ("X-Rate-Limit-Remaining", "7"), ("X-Rate-Limit-Reset", "2"), ("X-Rate-Limit-Bucket", "user/view"));
        Assert.Equal(100, s.Limit);
        Assert.Equal(7, s.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(2), s.ResetAfter);
        Assert.Equal("user/view", s.Bucket);
        Assert.False(s.IsGlobal);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(2), s.ResetAt);
        Assert.Equal("user/view 7/100 remaining, reset 2s", s.ToString());
    }

    [Fact]
    public void Reads_the_global_flag_fractional_resets_and_falls_back_to_Retry_After()
    {
        var g = Parse(("X-Rate-Limit-Global", "true"), ("X-Rate-Limit-Reset", "0.5"));
        Assert.True(g.IsGlobal);
        Assert.Equal(TimeSpan.FromMilliseconds(500), g.ResetAfter);

        var r = Parse(("Retry-After", "3"));
        Assert.Equal(TimeSpan.FromSeconds(3), r.ResetAfter);
        Assert.True(r.HasData);
    }

    [Fact]
    public void Garbage_values_are_ignored()
    {
        var s = Parse(("X-Rate-Limit-Limit", "lots"), ("X-Rate-Limit-Remaining", "-1"), ("X-Rate-Limit-Reset", "soon"));
        Assert.False(s.HasData);
        Assert.Equal("no rate-limit data", s.ToString());
    }
}

public class RateLimiterTests
{
    private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

    private static RateLimitState State(int remaining, double resetSeconds, DateTimeOffset at, string bucket = "b") =>
        new(bucket, 2, remaining, TimeSpan.FromSeconds(resetSeconds), false, at);

    [Fact]
    public async Task An_unknown_bucket_lets_one_probe_through_and_holds_the_rest()
    {
        var limiter = new RateLimiter(() => _now);
        var first = await limiter.AcquireAsync("r", null, CancellationToken.None);
        var second = limiter.AcquireAsync("r", null, CancellationToken.None);
        await Until.TrueAsync(() => limiter.Waiting == 1, "the second request waits for the probe's reply");
        Assert.False(second.IsCompleted);

        first.Complete(State(1, 1, _now));
        (await second).Dispose();
    }

    [Fact]
    public async Task An_exhausted_bucket_waits_until_its_reset()
    {
        var limiter = new RateLimiter(() => _now);
        using (var lease = await limiter.AcquireAsync("r", null, CancellationToken.None)) lease.Complete(State(0, 0.3, _now));
        TimeSpan? waited = null;
        var next = limiter.AcquireAsync("r", (d, _) => waited = d, CancellationToken.None);
        await Until.TrueAsync(() => limiter.Waiting == 1, "the request waits for the reset");
        Assert.False(next.IsCompleted);
        Assert.Equal(TimeSpan.FromSeconds(0.3), waited);
        _now += TimeSpan.FromSeconds(1);
        (await next.WaitAsync(TestTimes.HangBound)).Dispose();
    }

    [Fact]
    public async Task Routes_naming_the_same_bucket_share_its_state()
    {
        var limiter = new RateLimiter(() => _now);
        // The clock is the test's, but the limiter sleeps in real time until the reset it computed from it, checking the
        // clock again on waking: a short reset keeps that sleep well inside the bound below.
        using (var a = await limiter.AcquireAsync("route/a", null, CancellationToken.None)) a.Complete(State(1, 0.3, _now, "shared"));
        using (var b = await limiter.AcquireAsync("route/b", null, CancellationToken.None)) b.Complete(State(0, 0.3, _now, "shared"));
        var blocked = limiter.AcquireAsync("route/a", null, CancellationToken.None);
        await Until.TrueAsync(() => limiter.Waiting == 1, "the request waits for the shared bucket's reset");
        Assert.False(blocked.IsCompleted);
        Assert.Equal(0, limiter.Snapshot("route/a")!.Value.Remaining);
        _now += TimeSpan.FromSeconds(1);
        (await blocked.WaitAsync(TestTimes.HangBound)).Dispose();
    }

    [Fact]
    public async Task Waiting_is_cancellable()
    {
        var limiter = new RateLimiter(() => _now);
        using (var lease = await limiter.AcquireAsync("r", null, CancellationToken.None)) lease.Complete(State(0, 60, _now));
        using var cts = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync("r", null, cts.Token);
        await Until.TrueAsync(() => limiter.Waiting == 1, "the request waits for the reset");
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TestTimes.HangBound));
    }
}

public class ApiRequestTests
{
    [Fact]
    public void Query_values_are_escaped_and_nulls_skipped()
    {
        var r = new ApiRequest(HttpMethod.Get, "/user/view").AddQuery("user_id", "1 2&3").AddQuery("guild_id", null);
        Assert.Equal("user/view", r.Path);
        Assert.Equal("user/view?user_id=1%202%263", r.PathAndQuery);
        Assert.True(r.IsIdempotent);
        Assert.False(new ApiRequest(HttpMethod.Post, "user/online").IsIdempotent);
    }

    [Fact]
    public void A_query_string_in_the_path_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, "user/view?user_id=1"));
        Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, "  "));
    }
}

public class UnlimitedBucketTests
{
    [Fact]
    public async Task A_bucket_whose_replies_carry_no_limits_is_not_held_to_one_request()
    {
        var limiter = new RateLimiter();
        using (var probe = await limiter.AcquireAsync("r", null, CancellationToken.None))
            probe.Complete(new RateLimitState(null, null, null, null, false, DateTimeOffset.UtcNow));

        var leases = new List<RateLimiter.Lease>();
        for (int i = 0; i < 10; i++)
        {
            var acquire = limiter.AcquireAsync("r", null, CancellationToken.None);
            Assert.True(acquire.IsCompleted, "request " + i + " was held back");
            leases.Add(await acquire);
        }
        leases.ForEach(l => l.Dispose());

        // A 429 with Retry-After still holds the bucket until it passes.
        using (var refused = await limiter.AcquireAsync("r", null, CancellationToken.None))
            refused.Complete(new RateLimitState(null, null, null, TimeSpan.FromSeconds(30), false, DateTimeOffset.UtcNow), rejected: true);
        using var cts = new CancellationTokenSource();
        var held = limiter.AcquireAsync("r", null, cts.Token);
        await Until.TrueAsync(() => limiter.Waiting == 1, "the request waits for Retry-After");
        Assert.False(held.IsCompleted);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held.WaitAsync(TestTimes.HangBound));
    }
}
