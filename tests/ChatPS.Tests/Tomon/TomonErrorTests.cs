using ChatPS.Emulator.Infrastructure;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Tomon;

public class TomonErrorTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public TomonErrorTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.ResetDiagnostics();
    }

    [Fact]
    public async Task A_429_honours_Retry_After_and_retries()
    {
        using var tomon = await _emulator.Tomon();
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v1/users/@me/guilds", Kind = FaultKind.RateLimited, Seconds = 1 });
        Assert.NotEmpty(await tomon.Guilds.ListAsync());
        var attempts = _emulator.Host.Requests.Matching("users/@me/guilds");
        Assert.Equal(new[] { 429, 200 }, attempts.Select(a => a.Status));
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Under_the_service_limit_every_call_succeeds_and_each_429_is_waited_out()
    {
        // Tomon reports no remaining counts, only Retry-After on a 429, so a 429 per window cannot be
        // avoided; what must hold is that nothing is lost and nothing is sent before the wait is over.
        _emulator.Host.Options.TomonRateLimit = new(2, TimeSpan.FromSeconds(1));
        try
        {
            using var tomon = await _emulator.Tomon();
            for (int i = 0; i < 5; i++) await tomon.Invites.ListAsync();
            var log = _emulator.Host.Requests.Matching("tickets");
            Assert.Equal(5, log.Count(r => r.Status == 200));
            for (int i = 0; i < log.Count - 1; i++)
                if (log[i].Status == 429)
                    Assert.True(log[i + 1].ReceivedAt - log[i].ReceivedAt >= TimeSpan.FromMilliseconds(900), "sent again before Retry-After passed");
        }
        finally
        {
            _emulator.Host.Options.TomonRateLimit = new(200, TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task An_html_502_is_a_server_error_with_a_snippet()
    {
        var options = EmulatorFixture.FastOptions();
        options.MaximumRetryCount = 0;
        using var tomon = await _emulator.Tomon(options);
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v1/users/@me", Kind = FaultKind.BadGatewayHtml });
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => tomon.Profile.GetAsync());
        Assert.Equal(ChatErrorKind.ServerError, ex.Kind);
        Assert.Equal("ChatPS.Tomon.Http502", ex.ErrorId);
        Assert.Contains("<html>", ex.ApiMessage);
    }

    [Fact]
    public async Task A_POST_report_is_not_retried_after_a_500()
    {
        using var tomon = await _emulator.Tomon();
        _emulator.Host.Faults.Add(new FaultRule { Method = "POST", Path = "/api/v1/users/@me/reports", Kind = FaultKind.ServerError });
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => tomon.Reports.CreateAsync(new ChatPS.Tomon.TomonReportRequest { TargetId = "1" }));
        Assert.Equal(500, ex.StatusCode);
        Assert.Single(_emulator.Host.Requests.Matching("reports"));
    }

    [Fact]
    public async Task A_truncated_body_is_a_format_error()
    {
        using var tomon = await _emulator.Tomon();
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v1/users/@me/channels", Kind = FaultKind.TruncatedJson });
        var ex = await Assert.ThrowsAsync<ChatResponseFormatException>(() => tomon.DirectChannels.ListAsync());
        Assert.Equal("ChatPS.Tomon.InvalidResponse", ex.ErrorId);
    }
}
