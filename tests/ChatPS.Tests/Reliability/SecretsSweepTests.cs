using System.Net;
using System.Net.Http;
using System.Text.Json;
using ChatPS.Automation;
using ChatPS.Emulator.Infrastructure;
using ChatPS.Http;
using ChatPS.Json;
using ChatPS.Kook;
using ChatPS.Tests.Infrastructure;
using ChatPS.Tomon;

namespace ChatPS.Tests.Reliability;

/// <summary>Drives every sign-in and a spread of failures, capturing every string a user could see, and sweeps them for secrets.</summary>
public class SecretsSweepTests : IClassFixture<EmulatorFixture>
{
    private static readonly string[] Secrets =
    {
        EmulatorFixture.KookToken, "kook-emulator-oauth-token", EmulatorFixture.TomonBotToken, EmulatorFixture.TomonSessionToken,
        "tomon-password", "wrong-secret-password", "tomon-session-",
    };

    private readonly EmulatorFixture _emulator;

    public SecretsSweepTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.ResetDiagnostics();
    }

    [Fact]
    public async Task No_secret_appears_in_any_log_line_message_or_serialised_object()
    {
        var seen = new List<string>();
        void Capture(object? o)
        {
            if (o is null) return;
            lock (seen) seen.Add(o as string ?? o.ToString() ?? "");
        }
        var log = new List<HttpLogEntry>();
        var options = EmulatorFixture.FastOptions(log);
        using var scope = HttpDiagnostics.Listen(e => Capture(e.ToString()));
        async Task Expect(Func<Task> call)
        {
            var ex = await Record.ExceptionAsync(call);
            Assert.NotNull(ex);
            Capture(ex.ToString());
            if (ex is ChatApiException api) { Capture(api.ApiMessage); Capture(api.ErrorId); }
        }

        var settings = new ConnectionSettings { BaseUri = _emulator.Host.KookBaseUri.ToString() };
        using var kook = await Connector.ConnectKookAsync(ApiToken.FromPlainText(EmulatorFixture.KookToken), KookTokenType.Bot, settings, false, default);
        using var oauth = await Connector.ConnectKookAsync(ApiToken.FromPlainText("kook-emulator-oauth-token"), KookTokenType.Bearer, settings, false, default);
        Capture(kook); Capture(oauth); Capture(JsonSerializer.Serialize(kook)); Capture(JsonSerializer.Serialize(oauth.User, ChatJson.Options));

        var tomonSettings = new ConnectionSettings { BaseUri = _emulator.Host.TomonBaseUri.ToString() };
        using var bot = await Connector.ConnectTomonAsync(TomonSignIn.WithBotToken(ApiToken.FromPlainText(EmulatorFixture.TomonBotToken)), tomonSettings, false, default);
        using var password = await Connector.ConnectTomonAsync(TomonSignIn.WithPassword("tomon#1234", new NetworkCredential("", "tomon-password").SecurePassword), tomonSettings, false, default);
        Capture(bot); Capture(password); Capture(JsonSerializer.Serialize(bot)); Capture(JsonSerializer.Serialize(password.User, ChatJson.Options));

        using var k = _emulator.Kook(options);
        _emulator.Host.Faults.Add(new FaultRule { Method = "*", Path = "/api/v3/user/get-online-status", Kind = FaultKind.BadGatewayHtml, Count = 10 });
        await Expect(() => k.Users.GetOnlineStatusAsync());
        await Expect(() => k.SendAsync(HttpMethod.Get, "user/view", new Dictionary<string, string?> { ["user_id"] = EmulatorFixture.KookToken }));
        await Expect(() => Connector.ConnectKookAsync(ApiToken.FromPlainText("wrong-secret-password"), KookTokenType.Bot, settings, false, default));

        using var t = await _emulator.Tomon(options);
        await Expect(() => t.Profile.UpdateAsync(new TomonProfileUpdate { Email = "x@y.zz", CurrentPassword = ApiToken.FromPlainText("wrong-secret-password") }));
        await Expect(() => Connector.ConnectTomonAsync(TomonSignIn.WithPassword("tomon#1234", new NetworkCredential("", "wrong-secret-password").SecurePassword), tomonSettings, false, default));
        await Expect(() => Connector.ConnectTomonAsync(TomonSignIn.WithBotToken(ApiToken.FromPlainText("wrong-secret-password")), tomonSettings, false, default));
        _emulator.Host.Faults.Add(new FaultRule { Method = "PATCH", Path = "/api/v1/users/@me", Kind = FaultKind.ServerError });
        await Expect(() => t.Profile.UpdateAsync(new TomonProfileUpdate { Email = "x@y.zz", CurrentPassword = ApiToken.FromPlainText("tomon-password") }));

        seen.AddRange(log.Select(e => e.ToString()));
        // The emulator's request log records the scheme of the credentials it received, never their value.
        Assert.All(_emulator.Host.Requests.Snapshot(), r => Assert.Contains(r.AuthScheme, new[] { null, "Bot", "Bearer" }));

        Assert.True(seen.Count > 30, $"only {seen.Count} strings captured");
        foreach (var text in seen)
            foreach (var secret in Secrets)
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"'{secret}' leaked in: {text}");
    }
}
