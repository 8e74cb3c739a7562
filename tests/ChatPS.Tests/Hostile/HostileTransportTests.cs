using System.Net.Http;
using ChatPS.Emulator.Infrastructure;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Hostile;

/// <summary>
/// Issue 21, what only a real transport shows: decompression (bombs, broken gzip), bodies that trickle, redirects, and
/// rate-limit headers that would hold a script for a day. Over real HTTP against the emulator.
/// </summary>
public class HostileTransportTests : IAsyncLifetime
{
    private readonly EmulatorFixture _emulator = new();

    public Task InitializeAsync() => _emulator.InitializeAsync();

    public Task DisposeAsync() => _emulator.DisposeAsync();

    private void Fault(FaultRule rule) => _emulator.Host.Faults.Add(rule);

    private static ConnectionOptions Options(long? maximumResponseSize = null, TimeSpan? timeout = null, List<HttpLogEntry>? log = null)
    {
        var options = EmulatorFixture.FastOptions(log);
        options.MaximumRetryCount = 0;
        if (maximumResponseSize is long max) options.MaximumResponseSize = max;
        if (timeout is TimeSpan t) options.Timeout = t;
        return options;
    }

    [Fact]
    public async Task A_decompression_bomb_stops_at_the_cap()
    {
        using var kook = _emulator.Kook(Options());
        Fault(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.GzipBomb, Size = 1L << 30 });

        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetCurrentAsync());

        Assert.Equal(ChatErrorKind.ResponseTooLarge, ex.Kind);
        Assert.Equal("ChatPS.Kook.ResponseTooLarge", ex.ErrorId);
        Assert.Contains("16777216", ex.Message);
    }

    [Fact]
    public async Task A_reply_announced_over_the_cap_is_not_read_and_a_raised_cap_reads_it()
    {
        string big = "{\"code\":0,\"message\":\"\",\"data\":{\"id\":\"1\",\"username\":\"" + new string('x', 2 * 1024 * 1024) + "\"}}";
        using (var small = _emulator.Kook(Options(maximumResponseSize: 1024 * 1024)))
        {
            _emulator.Reply("GET", "/api/v3/user/me", big);
            var ex = await Assert.ThrowsAsync<ChatApiException>(() => small.Users.GetCurrentAsync());
            Assert.Equal(ChatErrorKind.ResponseTooLarge, ex.Kind);
            Assert.Contains("announced", ex.Message);
        }
        using var raised = _emulator.Kook(Options(maximumResponseSize: 4 * 1024 * 1024));
        _emulator.Reply("GET", "/api/v3/user/me", big);
        Assert.Equal(2 * 1024 * 1024, (await raised.Users.GetCurrentAsync()).Username.Length);
    }

    [Fact]
    public async Task Gzip_announced_on_a_body_that_is_not_gzip_is_an_invalid_response()
    {
        using var kook = _emulator.Kook(Options());
        Fault(new FaultRule
        {
            Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.Reply, Body = "{\"code\":0,\"data\":{\"id\":\"1\"}}",
            Headers = new() { ["Content-Encoding"] = "gzip" },
        });

        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetCurrentAsync());

        Assert.Equal(ChatErrorKind.InvalidResponse, ex.Kind);
        Assert.Contains("decompress", ex.Message);
        Assert.IsType<System.IO.InvalidDataException>(ex.InnerException);
    }

    [Fact]
    public async Task A_body_trickling_a_byte_a_second_ends_at_the_attempt_timeout()
    {
        // This test is about the timeout: far longer than a request takes to arrive, far shorter than the trickle.
        using var kook = _emulator.Kook(Options(timeout: TestTimes.ShortAttemptTimeout));
        Fault(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.Trickle, Seconds = 1, Body = "{\"code\":0,\"message\":\"\",\"data\":{\"id\":\"1\",\"username\":\"" + new string('x', 600) + "\"}}" });

        var ex = await Assert.ThrowsAsync<ChatTransportException>(() => kook.Users.GetCurrentAsync().WaitAsync(TestTimes.HangBound));

        Assert.Equal(ChatErrorKind.Timeout, ex.Kind);
        Assert.Equal("ChatPS.Kook.Timeout", ex.ErrorId);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "'file:'")]
    [InlineData("ftp://example.invalid/x", "'ftp:'")]
    [InlineData("data:text/plain,hello", "'data:'")]
    public async Task A_redirect_to_another_scheme_is_refused(string location, string named)
    {
        using var kook = _emulator.Kook(Options());
        Fault(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.Redirect, Location = location });

        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetCurrentAsync());

        Assert.Equal(ChatErrorKind.InvalidResponse, ex.Kind);
        Assert.Contains(named, ex.Message);
    }

    [Fact]
    public async Task A_redirect_loop_is_refused_after_five_hops()
    {
        using var kook = _emulator.Kook(Options());
        Fault(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.Redirect, Location = "/api/v3/user/me", Count = 100 });

        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetCurrentAsync().WaitAsync(TestTimes.HangBound));

        Assert.Equal(ChatErrorKind.InvalidResponse, ex.Kind);
        Assert.Contains("redirect loop", ex.Message);
        Assert.Equal(6, _emulator.Host.Requests.Matching("user/me").Count);
        _emulator.Host.Faults.Clear();
    }

    [Fact]
    public async Task A_redirect_loop_through_another_host_never_carries_the_token_there()
    {
        await using var other = await ChatPS.Emulator.EmulatorHost.StartAsync(new ChatPS.Emulator.EmulatorOptions { Port = 0, SyntheticUsers = 0 });
        using var kook = _emulator.Kook(Options());
        string there = $"http://localhost:{other.BaseAddress.Port}/api/v3/user/me";
        string back = $"http://127.0.0.1:{_emulator.Host.BaseAddress.Port}/api/v3/user/me";
        Fault(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.Redirect, Location = there, Count = 10 });
        other.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.Redirect, Location = back, Count = 10 });

        await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetCurrentAsync().WaitAsync(TestTimes.HangBound));

        Assert.NotEmpty(other.Requests.Matching("user/me"));
        Assert.All(other.Requests.Matching("user/me"), r => Assert.Null(r.AuthScheme));
        _emulator.Host.Faults.Clear();
    }

    [Fact]
    public async Task A_bucket_that_opens_after_the_retry_budget_fails_the_next_call_at_once_and_says_when()
    {
        using var kook = _emulator.Kook(Options());
        Fault(new FaultRule
        {
            Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.Reply, Body = "{\"code\":0,\"message\":\"\",\"data\":{\"id\":\"1\",\"username\":\"me\"}}",
            Headers = new() { ["X-Rate-Limit-Limit"] = "1", ["X-Rate-Limit-Remaining"] = "0", ["X-Rate-Limit-Reset"] = "86000", ["X-Rate-Limit-Bucket"] = "user/me" },
        });
        await kook.Users.GetCurrentAsync();

        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetCurrentAsync().WaitAsync(TestTimes.HangBound));

        Assert.Equal(ChatErrorKind.RateLimited, ex.Kind);
        Assert.Equal("ChatPS.Kook.RateLimited", ex.ErrorId);
        Assert.Contains("opens at", ex.Message);
        Assert.Single(_emulator.Host.Requests.Matching("user/me"));
    }

    [Fact]
    public async Task After_a_429_with_a_day_long_reset_the_next_call_fails_at_once_too()
    {
        using var kook = _emulator.Kook(Options());
        Fault(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.RateLimited, Seconds = 86000 });

        var first = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetCurrentAsync());
        var second = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetCurrentAsync().WaitAsync(TestTimes.HangBound));

        Assert.Equal(ChatErrorKind.RateLimited, first.Kind);
        Assert.Equal(ChatErrorKind.RateLimited, second.Kind);
        Assert.Contains("opens at", second.Message);
        Assert.Single(_emulator.Host.Requests.Matching("user/me"));
    }

    [Fact]
    public async Task A_wait_within_the_budget_but_longer_than_a_few_seconds_is_announced()
    {
        using var kook = _emulator.Kook(Options());
        Fault(new FaultRule
        {
            Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.Reply, Body = "{\"code\":0,\"message\":\"\",\"data\":{\"id\":\"1\",\"username\":\"me\"}}",
            Headers = new() { ["X-Rate-Limit-Limit"] = "1", ["X-Rate-Limit-Remaining"] = "0", ["X-Rate-Limit-Reset"] = "6", ["X-Rate-Limit-Bucket"] = "user/me" },
        });
        await kook.Users.GetCurrentAsync();
        var announced = new List<HttpLogEntry>();

        using (HttpDiagnostics.ListenForLongWaits(e => { lock (announced) announced.Add(e); }))
            await kook.Users.GetCurrentAsync().WaitAsync(TestTimes.HangBound);

        var wait = Assert.Single(announced);
        Assert.Contains("rate limit of bucket user/me", wait.Note);
        Assert.Contains("until", wait.Note);
    }

    [Fact]
    public async Task A_10_MB_error_message_becomes_a_short_one()
    {
        using var kook = _emulator.Kook(Options());
        _emulator.Reply("GET", "/api/v3/user/me", "{\"code\":40000,\"message\":\"" + HostileReplies.TenMegabytes + "\",\"data\":{}}");

        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetCurrentAsync());

        Assert.True(ex.ApiMessage!.Length < ChatApiException.MaximumMessageLength + 50, $"{ex.ApiMessage.Length} characters");
        Assert.True(ex.Message.Length < 2 * ChatApiException.MaximumMessageLength, $"{ex.Message.Length} characters");
    }
}
