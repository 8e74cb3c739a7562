using System.Net.Http;
using ChatPS.Emulator;
using ChatPS.Emulator.Infrastructure;
using ChatPS.Emulator.Kook;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Kook;

/// <summary>
/// Rate limits as live KOOK reports them: no Retry-After anywhere, Reset as whole seconds to wait (0 while room
/// remains), and a global limit flagged by X-Rate-Limit-Global with no value. The client must pace from those alone.
/// </summary>
public class KookLivePacingTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public KookLivePacingTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        var options = _emulator.Host.Options;
        options.RateLimits.Clear();
        options.DefaultRateLimit = new RateLimitRule(240, TimeSpan.FromSeconds(1));
        options.GlobalRateLimit = new RateLimitRule(0, TimeSpan.FromSeconds(1));
        options.SendRetryAfter = false;
        _emulator.Host.ResetDiagnostics();
    }

    private async Task<HttpResponseMessage> RawGet(string pathAndQuery)
    {
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_emulator.Host.KookBaseUri + "/" + pathAndQuery));
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + EmulatorFixture.KookToken);
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static string Header(HttpResponseMessage r, string name) => r.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : "<none>";

    [Fact]
    public async Task Defaults_follow_live_bots_one_bucket_per_path_limit_240_reset_0_while_room_remains()
    {
        var me = await RawGet("user/me");
        Assert.Equal("240", Header(me, "X-Rate-Limit-Limit"));
        Assert.Equal("239", Header(me, "X-Rate-Limit-Remaining"));
        Assert.Equal("0", Header(me, "X-Rate-Limit-Reset"));
        Assert.Equal("user/me", Header(me, "X-Rate-Limit-Bucket"));
        var view = await RawGet("user/view?user_id=1000000001");
        Assert.Equal("user/view", Header(view, "X-Rate-Limit-Bucket"));
        Assert.Equal("239", Header(view, "X-Rate-Limit-Remaining"));
        Assert.Equal("<none>", Header(view, "X-Rate-Limit-Global"));
    }

    [Fact]
    public async Task A_429_keeps_the_envelope_and_headers_and_sends_no_Retry_After_unless_asked()
    {
        _emulator.Host.Options.RateLimits["user/get-online-status"] = new RateLimitRule(1, TimeSpan.FromSeconds(30));
        await RawGet("user/get-online-status");
        var refused = await RawGet("user/get-online-status");
        Assert.Equal(429, (int)refused.StatusCode);
        Assert.Null(refused.Headers.RetryAfter);
        Assert.Equal("0", Header(refused, "X-Rate-Limit-Remaining"));
        Assert.InRange(int.Parse(Header(refused, "X-Rate-Limit-Reset")), 1, 30);
        Assert.Equal("user/get-online-status", Header(refused, "X-Rate-Limit-Bucket"));
        string body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":429", body);
        Assert.Contains("\"name\":\"Too Many Requests\"", body);

        _emulator.Host.Options.SendRetryAfter = true;
        try
        {
            var withRetryAfter = await RawGet("user/get-online-status");
            Assert.NotNull(withRetryAfter.Headers.RetryAfter);
            _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.RateLimited, Seconds = 2 });
            Assert.Equal(TimeSpan.FromSeconds(2), (await RawGet("user/me")).Headers.RetryAfter!.Delta);
        }
        finally
        {
            _emulator.Host.Options.SendRetryAfter = false;
        }
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.RateLimited, Seconds = 2 });
        var injected = await RawGet("user/me");
        Assert.Null(injected.Headers.RetryAfter);
        Assert.Equal("2", Header(injected, "X-Rate-Limit-Reset"));
        Assert.Equal("user/me", Header(injected, "X-Rate-Limit-Bucket"));
    }

    [Fact]
    public async Task The_client_paces_from_the_rate_limit_headers_alone()
    {
        // 3 per 5 s on one bucket and no Retry-After: a client that waits only for Retry-After would be refused
        // (and, KOOK warns, eventually disabled). This one must wait on X-Rate-Limit-Remaining/Reset instead. The
        // window is far longer than three requests take on a busy machine, so the client always has to wait.
        _emulator.Host.Options.RateLimits["user/view"] = new RateLimitRule(3, TimeSpan.FromSeconds(5));
        var log = new List<HttpLogEntry>();
        using var kook = _emulator.Kook(EmulatorFixture.FastOptions(log));
        for (int i = 0; i < 6; i++)
            await kook.Users.GetAsync((KookState.SyntheticBase + i).ToString());

        Assert.Equal(0, _emulator.Host.KookLimiter.Rejected);
        Assert.All(_emulator.Host.Requests.Matching("user/view"), r => Assert.Equal(200, r.Status));
        Assert.Contains(log, e => e.Note != null && e.Note.Contains("rate limit of bucket user/view"));
    }

    [Fact]
    public async Task After_a_429_without_Retry_After_the_client_waits_the_reset_before_sending_again()
    {
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.RateLimited, Seconds = 2 });
        using var kook = _emulator.Kook();
        var me = await kook.Users.GetCurrentAsync();
        Assert.Equal("364862", me.Id);

        var calls = _emulator.Host.Requests.Matching("user/me");
        Assert.Equal(new[] { 429, 200 }, calls.Select(c => c.Status));
        // The retry back-off here is 20 ms; only X-Rate-Limit-Reset says to wait 2 s.
        Assert.True(calls[1].ReceivedAt - calls[0].ReceivedAt >= TimeSpan.FromSeconds(1.9),
            $"sent again after {(calls[1].ReceivedAt - calls[0].ReceivedAt).TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_global_limit_is_flagged_without_a_value_and_pauses_every_bucket_of_the_connection()
    {
        // The window is far longer than three requests take on a busy machine, so the fourth is always refused.
        _emulator.Host.Options.GlobalRateLimit = new RateLimitRule(3, TimeSpan.FromSeconds(10));
        var refusedSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = EmulatorFixture.FastOptions();
        options.Log = e => { if (e.StatusCode == 429) refusedSeen.TrySetResult(); };
        using var kook = _emulator.Kook(options);

        // Three requests on three buckets use up the global limit; the fourth, on a fourth bucket, is refused.
        await kook.Users.GetCurrentAsync();
        await kook.Users.GetOnlineStatusAsync();
        await kook.Users.GetAsync("1000000001");
        var refusedCall = kook.Users.GetAsync("1000000002");
        await refusedSeen.Task.WaitAsync(TestTimes.HangBound);

        // Sent right after the refusal, on a bucket that has plenty of room: it must wait for the global reset.
        var other = kook.Users.GetCurrentAsync();
        await Task.WhenAll(refusedCall, other);

        Assert.True(kook.GetRateLimitSnapshot("user/me")!.Value.Remaining > 0);
        var refused = Assert.Single(_emulator.Host.Requests.Snapshot(), r => r.Status == 429);
        Assert.EndsWith("user/view", refused.Path);
        // Had the client paused only the refused bucket, user/me would have gone out at once and been refused too.
        Assert.Equal(1, _emulator.Host.KookGlobalLimiter.Rejected);

        var raw = await RawGlobalRefusal();
        Assert.True(raw.Headers.TryGetValues("X-Rate-Limit-Global", out var flag));
        Assert.Equal(string.Empty, string.Concat(flag!));
    }

    [Fact]
    [Trait("Category", "Unit")]
    public void The_new_options_parse_from_the_command_line()
    {
        var o = EmulatorOptions.Parse(new[] { "--global-rate-limit", "10/2", "--retry-after" });
        Assert.Equal(new RateLimitRule(10, TimeSpan.FromSeconds(2)), o.GlobalRateLimit);
        Assert.True(o.SendRetryAfter);
        var defaults = EmulatorOptions.Parse(Array.Empty<string>());
        Assert.False(defaults.SendRetryAfter);
        Assert.Equal(0, defaults.GlobalRateLimit.Limit);
        Assert.Equal(new RateLimitRule(240, TimeSpan.FromSeconds(1)), defaults.DefaultRateLimit);
        Assert.Empty(defaults.RateLimits);
        Assert.Contains("--global-rate-limit", Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(new[] { "--global-rate-limit", "x" })).Message);
    }

    private async Task<HttpResponseMessage> RawGlobalRefusal()
    {
        _emulator.Host.Options.GlobalRateLimit = new RateLimitRule(1, TimeSpan.FromSeconds(30));
        _emulator.Host.KookGlobalLimiter.Clear();
        await RawGet("user/me");
        var refused = await RawGet("user/me");
        Assert.Equal(429, (int)refused.StatusCode);
        return refused;
    }
}
