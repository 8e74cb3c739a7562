using ChatPS.Emulator;
using ChatPS.Emulator.Kook;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Kook;

public class KookRateLimitTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public KookRateLimitTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.Options.RateLimits["user/view"] = new RateLimitRule(100, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_burst_of_300_views_under_100_per_second_gets_no_429()
    {
        _emulator.Host.ResetDiagnostics();
        using var kook = _emulator.Kook();

        // However fast or slow the requests go, windows come and go without a 429.
        for (int i = 0; i < 300; i++)
        {
            var user = await kook.Users.GetAsync((KookState.SyntheticBase + i).ToString());
            Assert.Equal("user" + i, user.Username);
        }

        var views = _emulator.Host.Requests.Matching("user/view");
        Assert.Equal(300, views.Count);
        Assert.All(views, r => Assert.Equal(200, r.Status));
        Assert.Equal(0, _emulator.Host.KookLimiter.Rejected);
    }

    [Fact]
    public async Task A_used_up_bucket_holds_the_next_request_back_instead_of_sending_it()
    {
        // A window no test outlives: whether the client waits cannot depend on how fast the first five went.
        _emulator.Host.Options.RateLimits["user/view"] = new RateLimitRule(5, TimeSpan.FromMinutes(10));
        _emulator.Host.ResetDiagnostics();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = EmulatorFixture.FastOptions();
        // A retry budget past the window: a wait beyond the budget would fail at once instead (issue 21).
        options.RetryBudget = TimeSpan.FromMinutes(30);
        options.Log = e => { if (e.Note?.Contains("for rate limit of bucket user/view") == true) held.TrySetResult(); };
        using var kook = _emulator.Kook(options);
        for (int i = 0; i < 5; i++) await kook.Users.GetAsync((KookState.SyntheticBase + i).ToString());

        using var cts = new CancellationTokenSource();
        var sixth = kook.Users.GetAsync((KookState.SyntheticBase + 5).ToString(), cancellationToken: cts.Token);
        await held.Task.WaitAsync(TestTimes.HangBound);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sixth.WaitAsync(TestTimes.HangBound));

        // It paced itself: the sixth request waited for the window instead of learning from a 429.
        Assert.Equal(5, _emulator.Host.Requests.Matching("user/view").Count);
        Assert.Equal(0, _emulator.Host.KookLimiter.Rejected);
    }

    [Fact]
    public async Task Concurrent_callers_on_one_connection_share_the_bucket_and_get_no_429()
    {
        _emulator.Host.ResetDiagnostics();
        using var kook = _emulator.Kook();
        var ids = Enumerable.Range(0, 240).Select(i => (KookState.SyntheticBase + i).ToString()).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            var names = new List<string>();
            for (int i = worker; i < ids.Length; i += 8)
                names.Add((await kook.Users.GetAsync(ids[i])).Username);
            return names;
        }));

        Assert.Equal(240, results.Sum(r => r.Count));
        Assert.Equal("user8", results[0][1]);
        Assert.Equal(0, _emulator.Host.KookLimiter.Rejected);
    }

    [Fact]
    public async Task The_limiter_learns_the_bucket_from_the_headers()
    {
        using var kook = _emulator.Kook();
        await kook.Users.GetAsync("1000000001");
        var snapshot = kook.GetRateLimitSnapshot("user/view");
        Assert.NotNull(snapshot);
        Assert.True(snapshot!.Value.Known);
        Assert.InRange(snapshot.Value.Remaining, 0, 99);
    }
}
