using System.Net.Http;
using ChatPS.Emulator.Infrastructure;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Http;

public class RedactionTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public RedactionTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.ResetDiagnostics();
    }

    [Fact]
    public async Task The_token_appears_in_no_log_line_or_exception_text()
    {
        var captured = new List<string>();
        var log = new List<HttpLogEntry>();
        using var kook = _emulator.Kook(EmulatorFixture.FastOptions(log));
        using var scope = HttpDiagnostics.Listen(e => { lock (captured) captured.Add(e.ToString()); });

        await kook.Users.GetCurrentAsync();
        await kook.Users.GetAsync("1000000001");
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/get-online-status", Kind = FaultKind.ServerError, Count = 10 });
        _emulator.Host.Faults.Add(new FaultRule { Method = "POST", Path = "/api/v3/user/online", Kind = FaultKind.BadGatewayHtml });
        captured.Add((await Assert.ThrowsAnyAsync<ChatApiException>(() => kook.Users.GetOnlineStatusAsync())).ToString());
        captured.Add((await Assert.ThrowsAnyAsync<ChatApiException>(() => kook.Users.GoOnlineAsync())).ToString());
        captured.Add((await Assert.ThrowsAnyAsync<ChatApiException>(() => kook.Users.GetAsync("1999999999"))).ToString());

        // The server echoes the offending value; here that value is the token itself.
        var echo = await Assert.ThrowsAsync<ChatApiException>(() =>
            kook.SendAsync(HttpMethod.Get, "user/view", new Dictionary<string, string?> { ["user_id"] = EmulatorFixture.KookToken }));
        Assert.Contains(SecretRedactor.Placeholder, echo.ApiMessage);
        captured.Add(echo.ToString());
        captured.Add(echo.ApiMessage ?? string.Empty);

        using (var bad = _emulator.Kook(token: "a-bad-secret-token-value"))
            captured.Add((await Assert.ThrowsAsync<ChatApiException>(() => bad.Users.GetCurrentAsync())).ToString());

        captured.AddRange(log.Select(e => e.ToString()));
        captured.Add(kook.ToString()!);
        captured.Add(ApiToken.FromPlainText(EmulatorFixture.KookToken).ToString());

        Assert.True(captured.Count > 10);
        foreach (var text in captured)
        {
            Assert.DoesNotContain(EmulatorFixture.KookToken, text);
            Assert.DoesNotContain("a-bad-secret-token-value", text);
        }
    }

    [Fact]
    public void Redactor_replaces_every_occurrence_and_leaves_short_secrets_alone()
    {
        Assert.Equal("x *** y ***", SecretRedactor.Redact("x secret-1 y secret-1", "secret-1"));
        Assert.Equal("abc", SecretRedactor.Redact("abc", "abc"));
        Assert.Equal("text", SecretRedactor.Redact("text", null));
    }
}

public class ConnectionReuseTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ConnectionReuseTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Sequential_calls_reuse_one_connection()
    {
        using var kook = _emulator.Kook();
        long before = _emulator.Host.ConnectionsAccepted;
        for (int i = 0; i < 50; i++)
        {
            await kook.Users.GetCurrentAsync();
            await kook.Users.GetAsync("1000000002");
        }
        Assert.Equal(1, _emulator.Host.ConnectionsAccepted - before);
    }
}
