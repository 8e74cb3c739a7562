using ChatPS.Emulator;
using ChatPS.Emulator.Kook;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Reliability;

public class ConcurrencyTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ConcurrencyTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.ResetDiagnostics();
        _emulator.Host.Options.RateLimits["user/view"] = new RateLimitRule(50, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Eight_parallel_callers_on_one_connection_get_their_own_answers_and_no_429()
    {
        using var kook = _emulator.Kook();
        using var tomon = await _emulator.Tomon();
        const int perCaller = 25;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(caller => Task.Run(async () =>
        {
            var mismatches = new List<string>();
            for (int i = 0; i < perCaller; i++)
            {
                long n = KookState.SyntheticBase + caller * perCaller + i;
                var user = await kook.Users.GetAsync(n.ToString());
                if (user.Id != n.ToString() || user.Username != "user" + (n - KookState.SyntheticBase)) mismatches.Add($"{n} -> {user.Id}");
                if (i % 5 == 0 && (await tomon.Profile.GetAsync()).Username != "tomon") mismatches.Add("tomon profile");
            }
            return mismatches;
        })));

        Assert.All(results, Assert.Empty);
        var views = _emulator.Host.Requests.Matching("user/view");
        // Which statuses the extra requests got tells a retried 429 (the limiter let too many through) from anything else.
        Assert.True(views.Count == 8 * perCaller, $"{views.Count} views sent for {8 * perCaller} lookups; statuses: " +
            string.Join(", ", views.GroupBy(v => v.Status).Select(g => $"{g.Key} x{g.Count()}")) + $"; 429s issued: {_emulator.Host.KookLimiter.Rejected}");
        Assert.All(views, v => Assert.Equal(200, v.Status));
        Assert.Equal(0, _emulator.Host.KookLimiter.Rejected);
    }
}
