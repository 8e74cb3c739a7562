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

/// <summary>The emulator's --https: real TLS with a certificate from a test CA made at start.</summary>
public class EmulatorTlsTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, SyntheticUsers = 0, Https = true, TlsNames = { "extra.example" } });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_certificate_this_machine_does_not_trust_is_a_security_error_and_nothing_is_sent()
    {
        Assert.Equal("https", _host.BaseAddress.Scheme);
        using var kook = new ChatPS.Kook.KookClient(ApiToken.FromPlainText(EmulatorFixture.KookToken), ChatPS.Kook.KookTokenType.Bot, _host.KookBaseUri, EmulatorFixture.FastOptions());

        var ex = await Assert.ThrowsAsync<ChatTlsException>(() => kook.Users.GetCurrentAsync());

        var classification = ErrorClassifier.Classify(ex);
        Assert.Equal("ChatPS.CertificateUntrusted", classification.ErrorId);
        Assert.Equal(ChatErrorCategory.SecurityError, classification.Category);
        Assert.True(ex.CertificateRefused);
        Assert.Equal(1, ex.Attempts);
        Assert.Contains($"the certificate 127.0.0.1:{_host.BaseAddress.Port} presented is not trusted", ex.Message);
        Assert.Equal(0, _host.Requests.Count);
    }

    [Fact]
    public void The_certificate_covers_the_test_names_and_chains_to_the_written_CA()
    {
        var server = _host.Certificates!.Server;
        foreach (var name in new[] { "localhost", "127.0.0.1", "kook.chatps.test", "tomon.chatps.test", "extra.example" })
            Assert.True(server.MatchesHostname(name), name);
        Assert.False(server.MatchesHostname("www.kookapp.cn"));

        var ca = X509CertificateLoader.LoadCertificateFromFile(_host.CaCertificatePath!);
        Assert.Equal(_host.Certificates.Authority.Thumbprint, ca.Thumbprint);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(server), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    [Fact]
    public async Task A_client_trusting_the_test_CA_gets_real_answers()
    {
        var ca = X509CertificateLoader.LoadCertificateFromFile(_host.CaCertificatePath!);
        using var handler = new HttpClientHandler
        {
            // Full validation against the test CA alone: the chain, the name and the dates are all checked.
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            {
                if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None || certificate is null) return false;
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            },
        };
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_host.KookBaseUri + "/user/me"));
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + EmulatorFixture.KookToken);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https", Assert.Single(_host.Requests.Matching("user/me")).Scheme);
    }
}
