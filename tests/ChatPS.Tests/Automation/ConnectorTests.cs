using System.Net;
using System.Text.Json;
using ChatPS.Automation;
using ChatPS.Http;
using ChatPS.Kook;
using ChatPS.Tests.Infrastructure;
using ChatPS.Tomon;

namespace ChatPS.Tests.Automation;

/// <summary>The Connect-* flows. One class, so the environment variables it sets are never seen by a parallel test.</summary>
public class ConnectorTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ConnectorTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.ResetDiagnostics();
    }

    private ConnectionSettings Settings(string baseUri) => new() { BaseUri = baseUri, MaximumRetryCount = 0 };

    [Fact]
    public async Task Connecting_to_KOOK_validates_the_token_and_records_the_user()
    {
        using var connection = await Connector.ConnectKookAsync(ApiToken.FromPlainText(EmulatorFixture.KookToken), KookTokenType.Bot,
            Settings(_emulator.Host.KookBaseUri.ToString()), skipValidation: false, CancellationToken.None);
        Assert.Equal("ChatPS Emulator Bot#1670", connection.UserName);
        Assert.Equal(ChatPlatform.Kook, connection.Platform);
        Assert.True(connection.IsConnected);
        Assert.Single(_emulator.Host.Requests.Matching("user/me"));
    }

    [Fact]
    public async Task SkipValidation_sends_nothing_and_a_bad_token_fails_at_connect()
    {
        using var skipped = await Connector.ConnectKookAsync(ApiToken.FromPlainText("anything-at-all"), KookTokenType.Bot,
            Settings(_emulator.Host.KookBaseUri.ToString()), skipValidation: true, CancellationToken.None);
        Assert.Null(skipped.User);
        Assert.Equal(0, _emulator.Host.Requests.Count);

        var ex = await Assert.ThrowsAsync<ChatApiException>(() => Connector.ConnectKookAsync(ApiToken.FromPlainText("bad-token-value"),
            KookTokenType.Bot, Settings(_emulator.Host.KookBaseUri.ToString()), false, CancellationToken.None));
        Assert.Equal(ChatErrorKind.Authentication, ex.Kind);
        Assert.True(ErrorClassifier.Classify(ex).Terminating);
    }

    [Fact]
    public async Task Environment_tokens_serve_scheduled_tasks()
    {
        Environment.SetEnvironmentVariable(Connector.KookTokenVariable, null);
        var missing = Assert.Throws<MissingCredentialException>(() => Connector.TokenFromEnvironment(Connector.KookTokenVariable, "Connect-Kook"));
        Assert.Contains("CHATPS_KOOK_TOKEN", missing.Message);
        Assert.Equal("ChatPS.MissingCredential", ErrorClassifier.Classify(missing).ErrorId);

        try
        {
            Environment.SetEnvironmentVariable(Connector.KookTokenVariable, EmulatorFixture.KookToken);
            var token = Connector.TokenFromEnvironment(Connector.KookTokenVariable, "Connect-Kook");
            using var kook = await Connector.ConnectKookAsync(token, KookTokenType.Bot, Settings(_emulator.Host.KookBaseUri.ToString()), false, CancellationToken.None);
            Assert.NotNull(kook.User);

            // CHATPS_TOMON_TOKEN: a bot token is exchanged at sign-in...
            Environment.SetEnvironmentVariable(Connector.TomonTokenVariable, EmulatorFixture.TomonBotToken);
            using (var tomon = await Connector.ConnectTomonFromEnvironmentAsync(Settings(_emulator.Host.TomonBaseUri.ToString()), CancellationToken.None))
                Assert.Equal(TomonSignInKind.BotToken, tomon.SignInKind);

            // ...and a session token, refused by sign-in, is used as it is.
            Environment.SetEnvironmentVariable(Connector.TomonTokenVariable, EmulatorFixture.TomonSessionToken);
            using (var tomon = await Connector.ConnectTomonFromEnvironmentAsync(Settings(_emulator.Host.TomonBaseUri.ToString()), CancellationToken.None))
            {
                Assert.Equal(TomonSignInKind.SessionToken, tomon.SignInKind);
                Assert.Equal("tomon#1234", tomon.UserName);
            }

            Environment.SetEnvironmentVariable(Connector.TomonTokenVariable, "neither-kind-of-token");
            var ex = await Assert.ThrowsAsync<ChatApiException>(() => Connector.ConnectTomonFromEnvironmentAsync(Settings(_emulator.Host.TomonBaseUri.ToString()), CancellationToken.None));
            Assert.Equal(ChatErrorKind.Authentication, ex.Kind);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Connector.KookTokenVariable, null);
            Environment.SetEnvironmentVariable(Connector.TomonTokenVariable, null);
        }
    }

    [Fact]
    public async Task Tomon_password_sign_in_through_the_connector()
    {
        var password = new NetworkCredential("", "tomon-password").SecurePassword;
        using var tomon = await Connector.ConnectTomonAsync(TomonSignIn.WithPassword("tomon#1234", password), Settings(_emulator.Host.TomonBaseUri.ToString()), false, CancellationToken.None);
        Assert.Equal(TomonSignInKind.Password, tomon.SignInKind);
        Assert.Equal("tomon#1234", tomon.UserName);
    }

    [Fact]
    public async Task A_connection_shows_no_secret_in_text_or_serialised_form()
    {
        using var kook = await Connector.ConnectKookAsync(ApiToken.FromPlainText(EmulatorFixture.KookToken), KookTokenType.Bot,
            Settings(_emulator.Host.KookBaseUri.ToString()), false, CancellationToken.None);
        using var tomon = await Connector.ConnectTomonAsync(TomonSignIn.WithBotToken(ApiToken.FromPlainText(EmulatorFixture.TomonBotToken)),
            Settings(_emulator.Host.TomonBaseUri.ToString()), false, CancellationToken.None);
        var texts = new[]
        {
            kook.ToString(), tomon.ToString(),
            JsonSerializer.Serialize(kook), JsonSerializer.Serialize(tomon),
        };
        foreach (var text in texts)
        {
            Assert.DoesNotContain(EmulatorFixture.KookToken, text);
            Assert.DoesNotContain(EmulatorFixture.TomonBotToken, text);
            Assert.DoesNotContain("tomon-session-", text);
        }
        Assert.DoesNotContain(typeof(KookConnection).GetProperties(), p => p.PropertyType == typeof(ApiToken) || p.Name == "Client");
    }

    [Fact]
    public async Task Disposing_a_connection_marks_it_disconnected()
    {
        var connection = await Connector.ConnectKookAsync(ApiToken.FromPlainText("t-123456"), KookTokenType.Bot, Settings(_emulator.Host.KookBaseUri.ToString()), true, CancellationToken.None);
        connection.Dispose();
        connection.Dispose();
        Assert.False(connection.IsConnected);
    }
}
