using System.Net;
using System.Net.Http;
using ChatPS.Automation;
using ChatPS.Http;

namespace ChatPS.Tests.Network;

/// <summary>
/// Proxy-Authorization is sent before the proxy asks only after it asked for Basic, only on plain-http requests through
/// it; until then a body waits for the proxy's answer (Expect: 100-continue).
/// </summary>
[Trait("Category", "Unit")]
public class ProxyAuthenticatorTests
{
    private static IWebProxy Proxy(NetworkCredential? credential = null, bool useDefault = false) =>
        new ConnectionSettings { Proxy = new Uri("http://127.0.0.1:3128"), ProxyCredential = credential, ProxyUseDefaultCredentials = useDefault }.ToOptions().Proxy!;

    private static HttpRequestMessage Message(string uri, bool body = false) =>
        new(body ? HttpMethod.Post : HttpMethod.Get, uri) { Content = body ? new ByteArrayContent(new byte[] { 1 }) : null };

    [Fact]
    public void Only_explicit_credentials_get_an_authenticator()
    {
        Assert.Null(ProxyAuthenticator.For(null));
        Assert.Null(ProxyAuthenticator.For(Proxy()));
        Assert.Null(ProxyAuthenticator.For(Proxy(useDefault: true)));
        Assert.NotNull(ProxyAuthenticator.For(Proxy(new NetworkCredential("u", "p"))));
    }

    [Fact]
    public void Until_the_proxy_asks_for_Basic_no_credentials_are_sent_and_a_body_waits_for_its_answer()
    {
        var auth = ProxyAuthenticator.For(Proxy(new NetworkCredential("u", "p")))!;
        using var post = Message("http://kook.chatps.test/api/v3/user/offline", body: true);
        using var get = Message("http://kook.chatps.test/api/v3/user/me");

        auth.Prepare(post);
        auth.Prepare(get);

        Assert.Null(post.Headers.ProxyAuthorization);
        Assert.True(post.Headers.ExpectContinue);
        Assert.Null(get.Headers.ProxyAuthorization);
        Assert.Null(get.Headers.ExpectContinue);
    }

    [Fact]
    public void A_scheme_other_than_Basic_is_never_answered_in_advance()
    {
        var auth = ProxyAuthenticator.For(Proxy(new NetworkCredential("u", "p")))!;
        var credentials = auth.TransportProxy.Credentials!;

        Assert.Equal("u", credentials.GetCredential(new Uri("http://127.0.0.1:3128"), "Negotiate")!.UserName);
        using var get = Message("http://kook.chatps.test/api/v3/user/me");
        auth.Prepare(get);

        Assert.False(auth.BasicAsked);
        Assert.Null(get.Headers.ProxyAuthorization);
    }

    [Fact]
    public void Once_Basic_was_answered_plain_http_requests_carry_it_from_the_start()
    {
        var auth = ProxyAuthenticator.For(Proxy(new NetworkCredential("chatps", "pa:ss")))!;
        var transport = auth.TransportProxy;
        Assert.Equal(new Uri("http://127.0.0.1:3128"), transport.GetProxy(new Uri("http://kook.chatps.test/")));

        transport.Credentials!.GetCredential(new Uri("http://127.0.0.1:3128"), "Basic");
        using var post = Message("http://kook.chatps.test/api/v3/user/offline", body: true);
        auth.Prepare(post);

        Assert.True(auth.BasicAsked);
        Assert.Equal("Basic", post.Headers.ProxyAuthorization!.Scheme);
        Assert.Equal(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("chatps:pa:ss")), post.Headers.ProxyAuthorization.Parameter);
        Assert.Null(post.Headers.ExpectContinue);
    }

    [Fact]
    public void An_https_request_never_carries_the_proxy_credentials_they_would_travel_inside_the_tunnel()
    {
        var auth = ProxyAuthenticator.For(Proxy(new NetworkCredential("u", "p")))!;
        auth.TransportProxy.Credentials!.GetCredential(new Uri("http://127.0.0.1:3128"), "Basic");
        using var https = Message("https://kook.chatps.test/api/v3/user/offline", body: true);
        https.Headers.ProxyAuthorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "copied-by-a-redirect");

        auth.Prepare(https);

        Assert.Null(https.Headers.ProxyAuthorization);
        Assert.Null(https.Headers.ExpectContinue);
    }
}
