using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using ChatPS.Automation;
using ChatPS.Http;

namespace ChatPS.Tests.Network;

/// <summary>A proxy's 407 and a failed TLS handshake get their own ids and categories, with no proxy page and no raw exception.</summary>
[Trait("Category", "Unit")]
public class NetworkFailureTests
{
    private static readonly ApiRequest UserMe = new(HttpMethod.Get, "user/me");
    private static readonly Uri Target = new("https://kook.chatps.test:8443/api/v3/user/me");
    private static readonly IWebProxy Proxy = new ConnectionSettings { Proxy = new Uri("http://127.0.0.1:3128"), ProxyCredential = new NetworkCredential("u", "p") }.ToOptions().Proxy!;

    [Fact]
    public void A_407_is_proxy_authentication_refused()
    {
        var ex = NetworkFailure.ProxyRefused(ChatPlatform.Kook, UserMe, Target, Proxy, 1);
        var classification = ErrorClassifier.Classify(ex);

        Assert.Equal("ChatPS.ProxyAuthenticationRequired", ex.ErrorId);
        Assert.Equal(ex.ErrorId, classification.ErrorId);
        Assert.Equal(ChatErrorCategory.AuthenticationError, classification.Category);
        Assert.True(classification.Terminating);
        Assert.Equal(407, ex.StatusCode);
        Assert.True(ex.CredentialsGiven);
        Assert.Equal("http://127.0.0.1:3128/", ex.Proxy);
        Assert.Equal("Kook GET user/me failed with HTTP 407: the proxy http://127.0.0.1:3128/ refused the proxy credentials (wrong user name or password, or an authentication scheme it does not offer); check -ProxyCredential.", ex.Message);
    }

    [Fact]
    public void A_407_without_credentials_says_none_were_given()
    {
        var noCredentials = new ConnectionSettings { Proxy = new Uri("http://127.0.0.1:3128") }.ToOptions().Proxy;

        var ex = NetworkFailure.ProxyRefused(ChatPlatform.Tomon, new ApiRequest(HttpMethod.Post, "auth/login"), Target, noCredentials, 1);

        Assert.False(ex.CredentialsGiven);
        Assert.Equal("ChatPS.ProxyAuthenticationRequired", ex.ErrorId);
        Assert.Contains("Tomon POST auth/login failed with HTTP 407: the proxy http://127.0.0.1:3128/ requires authentication and no proxy credentials were given", ex.Message);
    }

    [Fact]
    public void A_407_through_the_system_proxy_names_no_address()
    {
        var ex = NetworkFailure.ProxyRefused(ChatPlatform.Kook, UserMe, Target, null, 1);

        Assert.Null(ex.Proxy);
        Assert.Equal("Kook GET user/me failed with HTTP 407: the system's proxy requires authentication; connect with -Proxy and -ProxyCredential (or -ProxyUseDefaultCredentials).", ex.Message);
    }

    [Fact]
    public void A_refused_CONNECT_is_proxy_authentication_refused()
    {
        // How .NET reports a tunnel the proxy refused with 407.
        var refused = new HttpRequestException("The proxy tunnel request to proxy 'http://127.0.0.1:3128/' failed with status code '407'.", null, HttpStatusCode.ProxyAuthenticationRequired);

        var ex = Assert.IsType<ChatProxyAuthenticationException>(NetworkFailure.Classify(ChatPlatform.Kook, UserMe, Target, Proxy, refused, 1));

        Assert.Same(refused, ex.InnerException);
        Assert.Equal(ChatErrorKind.ProxyAuthentication, ex.Kind);
    }

    [Fact]
    public void An_untrusted_certificate_is_a_security_error()
    {
        var failure = new HttpRequestException("The SSL connection could not be established, see inner exception.",
            new AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot"));

        var ex = Assert.IsType<ChatTlsException>(NetworkFailure.Classify(ChatPlatform.Kook, UserMe, Target, Proxy, failure, 1));
        var classification = ErrorClassifier.Classify(ex);

        Assert.True(ex.CertificateRefused);
        Assert.Equal("ChatPS.CertificateUntrusted", classification.ErrorId);
        Assert.Equal(ChatErrorCategory.SecurityError, classification.Category);
        Assert.True(classification.Terminating);
        Assert.Equal("kook.chatps.test:8443", ex.Host);
        Assert.Null(ex.StatusCode);
        Assert.StartsWith("Kook GET user/me failed (TLS failed): the certificate kook.chatps.test:8443 presented is not trusted (The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot).", ex.Message);
    }

    [Fact]
    public void Another_handshake_failure_has_its_own_id()
    {
        var failure = new HttpRequestException("The SSL connection could not be established, see inner exception.",
            new AuthenticationException("Authentication failed because the remote party sent a TLS alert: 'ProtocolVersion'."));

        var ex = Assert.IsType<ChatTlsException>(NetworkFailure.Classify(ChatPlatform.Tomon, UserMe, Target, null, failure, 1));

        Assert.False(ex.CertificateRefused);
        Assert.Equal("ChatPS.TlsHandshakeFailed", ErrorClassifier.Classify(ex).ErrorId);
        Assert.Equal(ChatErrorCategory.SecurityError, ErrorClassifier.Classify(ex).Category);
    }

    [Fact]
    public void Other_transport_failures_are_left_to_the_retry_policy()
    {
        var reset = new HttpRequestException("An error occurred while sending the request.", new System.IO.IOException("Connection reset by peer"));
        var status = new HttpRequestException("Bad gateway", null, HttpStatusCode.BadGateway);

        Assert.Null(NetworkFailure.Classify(ChatPlatform.Kook, UserMe, Target, Proxy, reset, 1));
        Assert.Null(NetworkFailure.Classify(ChatPlatform.Kook, UserMe, Target, Proxy, status, 1));
    }
}
