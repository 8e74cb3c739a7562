using System.Net.Http;
using ChatPS.Emulator.Infrastructure;
using ChatPS.Http;
using ChatPS.Kook;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Kook;

public class KookErrorTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public KookErrorTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.ResetDiagnostics();
    }

    [Fact]
    public async Task A_bad_token_is_an_authentication_error_with_the_401_envelope()
    {
        using var kook = _emulator.Kook(token: "wrong-token-123456");
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetCurrentAsync());

        Assert.Equal(ChatErrorKind.Authentication, ex.Kind);
        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("401", ex.ApiCode);
        Assert.Equal("ChatPS.Kook.401", ex.ErrorId);
        Assert.Equal(ChatPlatform.Kook, ex.Platform);
        Assert.Equal("user/me", ex.Path);
        Assert.Equal(HttpMethod.Get, ex.Method);
        Assert.Equal("你的用户凭证不正确", ex.ApiMessage);
        Assert.Single(_emulator.Host.Requests.Matching("user/me"));
    }

    [Fact]
    public async Task An_unknown_user_is_code_40000_on_http_200()
    {
        using var kook = _emulator.Kook();
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetAsync("1999999999"));

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("40000", ex.ApiCode);
        Assert.Equal("ChatPS.Kook.40000", ex.ErrorId);
        Assert.Equal(ChatErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal("用户不存在", ex.ApiMessage);
        Assert.Contains("user/view", ex.Message);
        Assert.Contains("40000", ex.Message);
    }

    [Fact]
    public async Task Accept_Language_localises_the_platform_message()
    {
        var options = EmulatorFixture.FastOptions();
        options.AcceptLanguage = "en-US";
        using var kook = _emulator.Kook(options);
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetAsync("1999999999"));
        Assert.Equal("User does not exist", ex.ApiMessage);
    }

    [Fact]
    public async Task An_html_502_from_a_gateway_gives_the_status_and_a_snippet_not_a_JsonException()
    {
        var options = EmulatorFixture.FastOptions();
        options.MaximumRetryCount = 0;
        using var kook = _emulator.Kook(options);
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.BadGatewayHtml });

        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetCurrentAsync());
        Assert.Equal(502, ex.StatusCode);
        Assert.Equal(ChatErrorKind.ServerError, ex.Kind);
        Assert.Equal("ChatPS.Kook.Http502", ex.ErrorId);
        Assert.Contains("502 Bad Gateway", ex.ApiMessage);
        Assert.IsNotType<System.Text.Json.JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task A_truncated_json_body_is_a_format_error_with_a_snippet()
    {
        using var kook = _emulator.Kook();
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/get-online-status", Kind = FaultKind.TruncatedJson });

        var ex = await Assert.ThrowsAsync<ChatResponseFormatException>(() => kook.Users.GetOnlineStatusAsync());
        Assert.Equal(ChatErrorKind.InvalidResponse, ex.Kind);
        Assert.Equal(200, ex.StatusCode);
        Assert.StartsWith("{\"code\":0", ex.BodySnippet);
        Assert.Contains("not valid JSON", ex.Message);
    }

    [Fact]
    public async Task A_429_waits_for_the_reset_and_retries()
    {
        var log = new List<HttpLogEntry>();
        using var kook = _emulator.Kook(EmulatorFixture.FastOptions(log));
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.RateLimited, Seconds = 1 });

        var me = await kook.Users.GetCurrentAsync();

        Assert.Equal("364862", me.Id);
        var attempts = _emulator.Host.Requests.Matching("user/me");
        Assert.Equal(2, attempts.Count);
        Assert.Equal(429, attempts[0].Status);
        Assert.Equal(200, attempts[1].Status);
        // The retry is held until the reset the server announced (1 s) has passed.
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromMilliseconds(900),
            $"retried after {(attempts[1].ReceivedAt - attempts[0].ReceivedAt).TotalMilliseconds} ms");
        Assert.Contains(log, e => e.StatusCode == 429 && e.Note!.Contains("retrying"));
    }

    [Fact]
    public async Task Repeated_429s_end_in_a_rate_limit_error_that_counts_attempts()
    {
        var options = EmulatorFixture.FastOptions();
        options.MaximumRetryCount = 1;
        using var kook = _emulator.Kook(options);
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/get-online-status", Kind = FaultKind.RateLimited, Seconds = 1, Count = 2 });

        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetOnlineStatusAsync());
        Assert.Equal(ChatErrorKind.RateLimited, ex.Kind);
        Assert.Equal(2, ex.Attempts);
        Assert.Contains("after 2 attempts", ex.Message);
        Assert.NotNull(ex.RateLimit);
        Assert.Equal(0, ex.RateLimit!.Remaining);
    }

    [Fact]
    public async Task A_GET_is_retried_on_500_but_a_POST_is_not()
    {
        using var kook = _emulator.Kook();
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/get-online-status", Kind = FaultKind.ServerError });
        await kook.Users.GetOnlineStatusAsync();
        Assert.Equal(2, _emulator.Host.Requests.Matching("get-online-status").Count);

        _emulator.Host.Faults.Add(new FaultRule { Method = "POST", Path = "/api/v3/user/offline", Kind = FaultKind.ServerError });
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GoOfflineAsync());
        Assert.Equal(500, ex.StatusCode);
        Assert.Single(_emulator.Host.Requests.Matching("user/offline"));
    }

    [Fact]
    public async Task A_stalled_call_honours_the_connection_timeout_with_a_timeout_error()
    {
        var options = EmulatorFixture.FastOptions();
        options.Timeout = TestTimes.ShortAttemptTimeout;
        options.MaximumRetryCount = 0;
        using var kook = _emulator.Kook(options);
        await kook.Users.GetCurrentAsync();
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.Stall, Seconds = TestTimes.StallSeconds });

        var ex = await Assert.ThrowsAsync<ChatTransportException>(() => kook.Users.GetCurrentAsync());
        Assert.Equal(ChatErrorKind.Timeout, ex.Kind);
        Assert.Equal("ChatPS.Kook.Timeout", ex.ErrorId);
        Assert.Contains($"no response within {TestTimes.ShortAttemptTimeout.TotalSeconds}s", ex.Message);
        // It was the stall that ran out the clock, not a request slow to arrive.
        Assert.Equal("Stall", _emulator.Host.Requests.Matching("user/me")[^1].Fault);

        // The connection stays usable.
        Assert.Equal("364862", (await kook.Users.GetCurrentAsync()).Id);
    }

    [Fact]
    public async Task A_refused_connection_is_a_connection_error()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        var options = EmulatorFixture.FastOptions();
        options.MaximumRetryCount = 1;
        using var kook = new KookClient(ApiToken.FromPlainText(EmulatorFixture.KookToken), baseUri: new Uri($"http://127.0.0.1:{port}/api/v3"), options: options);
        var ex = await Assert.ThrowsAsync<ChatTransportException>(() => kook.Users.GoOnlineAsync());
        Assert.Equal(ChatErrorKind.Connection, ex.Kind);
        // Nothing reached a server, so even a POST may be retried.
        Assert.Equal(2, ex.Attempts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("12-34")]
    [InlineData("123456789012345678901")]
    public async Task Invalid_user_ids_fail_before_anything_is_sent(string id)
    {
        using var kook = _emulator.Kook();
        int before = _emulator.Host.Requests.Count;
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => kook.Users.GetAsync(id));
        Assert.Equal("userId", ex.ParamName);
        Assert.Equal(before, _emulator.Host.Requests.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a uri")]
    [InlineData("ftp://example.com/api")]
    [InlineData("/relative/path")]
    [InlineData("https://example.com/api?x=1")]
    public void Malformed_base_uris_are_rejected(string uri)
    {
        Assert.Throws<ArgumentException>(() => BaseUri.Normalize(uri));
    }

    [Fact]
    public void Plain_http_to_a_remote_host_is_refused_unless_allowed()
    {
        var token = ApiToken.FromPlainText(EmulatorFixture.KookToken);
        var ex = Assert.Throws<ArgumentException>(() => new KookClient(token, baseUri: new Uri("http://kook.example.com/api/v3")));
        Assert.Contains("unencrypted", ex.Message);
        using var allowed = new KookClient(token, baseUri: new Uri("http://kook.example.com/api/v3"), options: new ConnectionOptions { AllowUnencryptedAuthentication = true });
        Assert.Equal("http://kook.example.com/api/v3/", allowed.BaseUri.ToString());
    }
}
