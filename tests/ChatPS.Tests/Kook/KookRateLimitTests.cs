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
        var log = new List<HttpLogEntry>();
        using var kook = _emulator.Kook(EmulatorFixture.FastOptions(log));

        for (int i = 0; i < 300; i++)
        {
            var user = await kook.Users.GetAsync((KookState.SyntheticBase + i).ToString());
            Assert.Equal("user" + i, user.Username);
        }

        var views = _emulator.Host.Requests.Matching("user/view");
        Assert.Equal(300, views.Count);
        Assert.All(views, r => Assert.Equal(200, r.Status));
        Assert.Equal(0, _emulator.Host.KookLimiter.Rejected);
        // It paced itself: it waited on the bucket rather than learning from a 429.
        Assert.Contains(log, e => e.Note != null && e.Note.Contains("rate limit of bucket user/view"));
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
