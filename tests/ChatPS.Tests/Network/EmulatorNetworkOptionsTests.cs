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

/// <summary>The emulator's new command-line options.</summary>
[Trait("Category", "Unit")]
public class EmulatorNetworkOptionsTests
{
    [Fact]
    public void Https_options_parse()
    {
        var o = EmulatorOptions.Parse(new[] { "--https", "--ca-out", "/tmp/ca.pem", "--tls-name", "a.example", "--tls-name", "b.example", "--allow-chunked" });

        Assert.True(o.Https);
        Assert.True(o.UsesTls);
        Assert.Equal("/tmp/ca.pem", o.CaOutPath);
        Assert.Equal(new[] { "a.example", "b.example" }, o.TlsNames);
        Assert.True(o.AllowChunked);
        Assert.False(EmulatorOptions.Parse(Array.Empty<string>()).AllowChunked);
    }

    [Theory]
    [InlineData("--certificate-password", "x")]
    [InlineData("--ca-out", "/tmp/ca.pem")]
    [InlineData("--https", "--certificate", "/tmp/server.pfx")]
    public void Options_that_do_not_go_together_are_refused(params string[] args)
    {
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(args));
    }

    [Fact]
    public async Task A_PFX_given_with_certificate_is_served()
    {
        using var generated = TestCertificates.Create();
        string pfx = Path.Combine(Path.GetTempPath(), $"chatps-test-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(pfx, generated.Server.Export(X509ContentType.Pkcs12, "pfx-password"));
        try
        {
            await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, SyntheticUsers = 0, CertificatePath = pfx, CertificatePassword = "pfx-password" });
            X509Certificate2? served = null;
            using var handler = new HttpClientHandler
            {
                // Only looks at what was served; the request is refused either way.
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                {
                    served = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.RawData);
                    return false;
                },
            };
            using var client = new HttpClient(handler);

            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(host.KookBaseUri));

            Assert.Equal("https", host.BaseAddress.Scheme);
            Assert.Null(host.CaCertificatePath);
            Assert.Equal(generated.Server.Thumbprint, served?.Thumbprint);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task A_wrong_PFX_password_is_a_clear_error()
    {
        using var generated = TestCertificates.Create();
        string pfx = Path.Combine(Path.GetTempPath(), $"chatps-test-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(pfx, generated.Server.Export(X509ContentType.Pkcs12, "right"));
        try
        {
            var ex = await Assert.ThrowsAsync<ArgumentException>(() => EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, CertificatePath = pfx, CertificatePassword = "wrong" }));

            Assert.StartsWith($"--certificate '{pfx}' cannot be used", ex.Message);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task A_missing_certificate_file_is_a_clear_error()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, CertificatePath = "/nonexistent/server.pfx" }));

        Assert.Contains("/nonexistent/server.pfx", ex.Message);
    }
}
