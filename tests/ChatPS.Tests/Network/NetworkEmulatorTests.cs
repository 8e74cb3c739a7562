using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ChatPS.Automation;
using ChatPS.Emulator;
using ChatPS.Emulator.Infrastructure;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;
using ChatPS.Tomon;

namespace ChatPS.Tests.Network;

/// <summary>
/// The core against the emulator over real sockets: a 407 answered as a proxy's refusal, real TLS from the emulator's
/// test CA refused when the CA is not trusted, and request bodies with a Content-Length (chunked ones get 411).
/// The same through a real squid proxy, and HTTPS trusted by a child engine, is tests/Pester/Network.Tests.ps1.
/// </summary>
public class NetworkEmulatorTests : IClassFixture<EmulatorFixture>
{
    private const string ProxyPage = "<html><head><title>407 Proxy Authentication Required</title></head><body>squid</body></html>";
    private readonly EmulatorFixture _emulator;

    public NetworkEmulatorTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        emulator.Host.ResetDiagnostics();
    }

    [Fact]
    public async Task A_407_is_the_proxys_refusal_without_its_page_and_is_not_retried()
    {
        using var kook = _emulator.Kook();
        _emulator.Reply("GET", "/api/v3/user/me", ProxyPage, 407);

        var ex = await Assert.ThrowsAsync<ChatProxyAuthenticationException>(() => kook.Users.GetCurrentAsync());

        Assert.Equal("ChatPS.ProxyAuthenticationRequired", ErrorClassifier.Classify(ex).ErrorId);
        Assert.Equal(ChatErrorCategory.AuthenticationError, ErrorClassifier.Classify(ex).Category);
        Assert.DoesNotContain("<", ex.Message);
        Assert.DoesNotContain("squid", ex.Message);
        Assert.Equal(1, ex.Attempts);
        Assert.Single(_emulator.Host.Requests.Matching("user/me"));
    }

    [Fact]
    public async Task A_407_to_a_Tomon_sign_in_is_the_proxys_refusal()
    {
        _emulator.Reply("POST", "/api/v1/auth/login", ProxyPage, 407);

        var ex = await Assert.ThrowsAsync<ChatProxyAuthenticationException>(() =>
            TomonClient.ConnectAsync(TomonSignIn.WithBotToken(ApiToken.FromPlainText(EmulatorFixture.TomonBotToken)), _emulator.Host.TomonBaseUri, EmulatorFixture.FastOptions()));

        Assert.StartsWith("Tomon POST auth/login failed with HTTP 407: the system's proxy requires authentication", ex.Message);
        Assert.DoesNotContain(EmulatorFixture.TomonBotToken, ex.Message);
    }

    [Fact]
    public async Task A_chunked_body_is_answered_411_unless_allowed()
    {
        using var client = new HttpClient();
        var response = await client.SendAsync(Chunked(_emulator.Host));

        Assert.Equal(HttpStatusCode.LengthRequired, response.StatusCode);
        var record = Assert.Single(_emulator.Host.Requests.Matching("user/offline"));
        Assert.True(record.Chunked);
        Assert.Equal(411, record.Status);

        await using var lenient = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, SyntheticUsers = 0, AllowChunked = true });
        var accepted = await client.SendAsync(Chunked(lenient));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.True(Assert.Single(lenient.Requests.Matching("user/offline")).Chunked);
    }

    [Fact]
    public async Task Raw_and_typed_JSON_bodies_carry_a_Content_Length()
    {
        using var kook = _emulator.Kook();
        using var tomon = await _emulator.Tomon();

        await kook.SendAsync(HttpMethod.Post, "user/offline", body: new Dictionary<string, object> { ["reason"] = "length" });
        await tomon.SendAsync(HttpMethod.Post, "users/@me/channels", body: new Dictionary<string, object> { ["recipients"] = new[] { "77334868412862464" } });
        await tomon.GuildSettings.UpdateAsync(new TomonGuildSettingsUpdate { Muted = true });

        var bodies = _emulator.Host.Requests.Snapshot().Where(r => r.Method != "GET").ToList();
        Assert.Equal(3, bodies.Count);
        Assert.All(bodies, r =>
        {
            Assert.False(r.Chunked, r.Path);
            Assert.True(r.BodyLength > 0, r.Path);
            Assert.Equal(200, r.Status);
        });
    }

    [Fact]
    public async Task JsonBody_knows_its_length_before_it_is_sent()
    {
        using var content = JsonBody.Of(new Dictionary<string, object> { ["muted"] = true })();

        Assert.Equal(14, content.Headers.ContentLength);
        Assert.Equal("{\"muted\":true}", await content.ReadAsStringAsync());
        Assert.Equal("application/json; charset=utf-8", content.Headers.ContentType!.ToString());
    }

    private static HttpRequestMessage Chunked(EmulatorHost host)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(host.KookBaseUri + "/user/offline"));
        message.Headers.TryAddWithoutValidation("Authorization", "Bot " + EmulatorFixture.KookToken);
        message.Headers.TransferEncodingChunked = true;
        message.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return message;
    }
}
