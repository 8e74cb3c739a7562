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
    public async Task A_missing_certificate_file_is_a_clear_error()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, CertificatePath = "/nonexistent/server.pfx" }));

        Assert.Contains("/nonexistent/server.pfx", ex.Message);
    }
}
