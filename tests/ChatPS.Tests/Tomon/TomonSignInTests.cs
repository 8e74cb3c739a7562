using System.Net;
using System.Security;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;
using ChatPS.Tomon;

namespace ChatPS.Tests.Tomon;

public class TomonSignInTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public TomonSignInTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.ResetDiagnostics();
    }

    private static SecureString Secure(string text) => new NetworkCredential("", text).SecurePassword;

    [Fact]
    public async Task A_session_token_is_used_as_it_is()
    {
        using var tomon = await _emulator.Tomon();
        Assert.Equal(TomonSignInKind.SessionToken, tomon.SignInKind);
        Assert.Null(tomon.SignedInUser);
        Assert.Equal("tomon#1234", (await tomon.Profile.GetAsync()).FullName);
        Assert.Empty(_emulator.Host.Requests.Matching("auth/login"));
        Assert.Equal("Bearer", _emulator.Host.Requests.Snapshot().Last().AuthScheme);
    }

    [Fact]
    public async Task A_bot_token_is_exchanged_at_login_without_an_auth_header()
    {
        using var tomon = await _emulator.Tomon(signIn: TomonSignIn.WithBotToken(ApiToken.FromPlainText(EmulatorFixture.TomonBotToken)));

        Assert.Equal("132700396123668480", tomon.SignedInUser!.Id);
        Assert.True(tomon.SignedInUser.AdditionalProperties is null || !tomon.SignedInUser.AdditionalProperties.ContainsKey("token"));
        var login = Assert.Single(_emulator.Host.Requests.Matching("auth/login"));
        Assert.Null(login.AuthScheme);
        Assert.Equal("POST", login.Method);
        Assert.Equal("tomon", (await tomon.Profile.GetAsync()).Username);
    }

    [Fact]
    public async Task A_name_and_password_sign_in()
    {
        using var tomon = await _emulator.Tomon(signIn: TomonSignIn.WithPassword("tomon#1234", Secure("tomon-password")));
        Assert.Equal(TomonSignInKind.Password, tomon.SignInKind);
        Assert.Equal("tomon#1234", tomon.SignedInUser!.FullName);
        Assert.NotEmpty(await tomon.Guilds.ListAsync());
    }

    [Fact]
    public async Task Wrong_credentials_are_authentication_errors_that_do_not_echo_the_secret()
    {
        var log = new List<HttpLogEntry>();
        var ex = await Assert.ThrowsAsync<ChatApiException>(() =>
            _emulator.Tomon(EmulatorFixture.FastOptions(log), TomonSignIn.WithPassword("tomon#1234", Secure("not-the-password-42"))));
        Assert.Equal(ChatErrorKind.Authentication, ex.Kind);
        Assert.Equal("ChatPS.Tomon.Http401", ex.ErrorId);
        Assert.Equal("Invalid credentials.", ex.ApiMessage);

        var bad = await Assert.ThrowsAsync<ChatApiException>(() =>
            _emulator.Tomon(EmulatorFixture.FastOptions(log), TomonSignIn.WithBotToken(ApiToken.FromPlainText("wrong-bot-token-xyz"))));
        Assert.Equal(401, bad.StatusCode);

        foreach (var text in log.Select(e => e.ToString()).Append(ex.ToString()).Append(bad.ToString()))
        {
            Assert.DoesNotContain("not-the-password-42", text);
            Assert.DoesNotContain("wrong-bot-token-xyz", text);
        }
    }

    [Fact]
    public async Task An_unknown_session_token_is_refused()
    {
        using var tomon = await _emulator.Tomon(signIn: TomonSignIn.WithSessionToken(ApiToken.FromPlainText("no-such-session-token")));
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => tomon.Profile.GetAsync());
        Assert.Equal(ChatErrorKind.Authentication, ex.Kind);
    }

    [Theory]
    [InlineData("tomon")]
    [InlineData("#1234")]
    [InlineData("tomon#")]
    [InlineData(" ")]
    public void A_full_name_must_be_name_hash_discriminator(string fullName) =>
        Assert.Throws<ArgumentException>(() => TomonSignIn.WithPassword(fullName, Secure("x")));
}
