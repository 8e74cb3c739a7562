using ChatPS.Automation;
using ChatPS.Http;
using ChatPS.Kook;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Automation;

/// <summary>
/// Connect-Kook checks the token with <c>user/me</c> and fails on any error there, but reads the user from that reply
/// only when somebody asks for it (a scheduled task that never does skips the model's first-read cost).
/// </summary>
public class KookConnectUserTests : IClassFixture<EmulatorFixture>
{
    private const string UserMe = "/api/v3/user/me";
    private readonly EmulatorFixture _emulator;

    public KookConnectUserTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.ResetDiagnostics();
    }

    private Task<KookConnection> ConnectAsync() => Connector.ConnectKookAsync(ApiToken.FromPlainText(EmulatorFixture.KookToken), KookTokenType.Bot,
        new ConnectionSettings { BaseUri = _emulator.Host.KookBaseUri.ToString(), MaximumRetryCount = 0 }, skipValidation: false, CancellationToken.None);

    [Fact]
    public async Task The_user_is_the_one_the_token_check_returned()
    {
        using var connection = await ConnectAsync();
        Assert.NotNull(connection.User);
        Assert.Same(connection.User, connection.User);
        Assert.Equal("ChatPS Emulator Bot#1670", connection.User!.FullName);
        Assert.Single(_emulator.Host.Requests.Matching("user/me"));
    }

    [Fact]
    public async Task An_error_code_on_HTTP_200_still_fails_the_connect()
    {
        _emulator.Reply("GET", UserMe, "{\"code\":40100,\"message\":\"token invalid\",\"data\":{}}");
        var ex = await Assert.ThrowsAsync<ChatApiException>(ConnectAsync);
        Assert.Equal("40100", ex.ApiCode);
    }

    [Theory]
    [InlineData("{\"code\":0,\"message\":\"\",\"data\":[]}")]
    [InlineData("{\"code\":0,\"message\":\"\",\"data\":null}")]
    [InlineData("{\"code\":0,\"message\":\"\"}")]
    public async Task A_reply_without_a_user_object_fails_the_connect(string body)
    {
        _emulator.Reply("GET", UserMe, body);
        var ex = await Assert.ThrowsAsync<ChatResponseFormatException>(ConnectAsync);
        Assert.Contains("KookUser", ex.Message);
    }

    [Fact]
    public async Task A_user_object_of_the_wrong_shape_is_reported_when_the_user_is_read()
    {
        _emulator.Reply("GET", UserMe, "{\"code\":0,\"message\":\"\",\"data\":{\"id\":\"1\",\"username\":\"x\",\"online\":{\"not\":\"a flag\"}}}");
        using var connection = await ConnectAsync();
        // Reading it never throws (issue 21: PowerShell reads the connection's text while binding -Connection, and a
        // throw there failed every later command); the connection says why it has no user.
        Assert.Null(connection.User);
        Assert.Contains("KookUser", connection.UserError);
        Assert.Contains("user/me", connection.UserError);
        Assert.Contains("(user unreadable)", connection.ToString());
    }
}
