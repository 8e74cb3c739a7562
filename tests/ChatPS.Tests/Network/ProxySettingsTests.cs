using System.Net;
using ChatPS.Automation;

namespace ChatPS.Tests.Network;

/// <summary>-Proxy, -ProxyCredential and -ProxyUseDefaultCredentials become the proxy Invoke-RestMethod would use.</summary>
[Trait("Category", "Unit")]
public class ProxySettingsTests
{
    private static readonly Uri ProxyUri = new("http://proxy.example:3128");

    [Fact]
    public void The_proxy_credential_is_kept_for_the_proxy_to_be_answered_with()
    {
        var credential = new NetworkCredential("alice", "s3cret");
        var options = new ConnectionSettings { Proxy = ProxyUri, ProxyCredential = credential }.ToOptions();

        var proxy = Assert.IsType<WebProxy>(options.Proxy);
        // The bug of issue 20: UseDefaultCredentials = false, set after Credentials, had put them back to null.
        Assert.Same(credential, proxy.Credentials);
        Assert.False(proxy.UseDefaultCredentials);
        Assert.Same(credential, proxy.Credentials!.GetCredential(ProxyUri, "Basic"));
    }

    [Fact]
    public void ProxyUseDefaultCredentials_answers_with_the_current_user()
    {
        var proxy = Assert.IsType<WebProxy>(new ConnectionSettings { Proxy = ProxyUri, ProxyUseDefaultCredentials = true }.ToOptions().Proxy);

        Assert.True(proxy.UseDefaultCredentials);
        Assert.Same(CredentialCache.DefaultCredentials, proxy.Credentials);
    }

    [Fact]
    public void Without_credentials_the_proxy_gets_none()
    {
        var proxy = Assert.IsType<WebProxy>(new ConnectionSettings { Proxy = ProxyUri }.ToOptions().Proxy);

        Assert.Null(proxy.Credentials);
        Assert.False(proxy.UseDefaultCredentials);
    }

    [Fact]
    public void Every_request_goes_through_the_proxy_loopback_included_as_with_Invoke_RestMethod()
    {
        var proxy = new ConnectionSettings { Proxy = ProxyUri }.ToOptions().Proxy!;

        Assert.False(proxy.IsBypassed(new Uri("http://kook.chatps.test/api/v3/")));
        Assert.False(proxy.IsBypassed(new Uri("https://www.kookapp.cn/api/v3/")));
        Assert.Equal(ProxyUri, proxy.GetProxy(new Uri("https://www.kookapp.cn/api/v3/")));
    }

    [Fact]
    public void Without_a_proxy_the_system_settings_apply()
    {
        Assert.Null(new ConnectionSettings().ToOptions().Proxy);
    }

    [Theory]
    [InlineData(true, false, "need -Proxy")]
    [InlineData(false, true, "need -Proxy")]
    public void Proxy_credentials_without_a_proxy_are_refused(bool credential, bool useDefault, string expected)
    {
        var settings = new ConnectionSettings { ProxyCredential = credential ? new NetworkCredential("a", "b") : null, ProxyUseDefaultCredentials = useDefault };

        var ex = Assert.Throws<ArgumentException>(() => settings.ToOptions());

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Both_kinds_of_proxy_credentials_are_refused()
    {
        var settings = new ConnectionSettings { Proxy = ProxyUri, ProxyCredential = new NetworkCredential("a", "b"), ProxyUseDefaultCredentials = true };

        var ex = Assert.Throws<ArgumentException>(() => settings.ToOptions());

        Assert.Contains("not both", ex.Message);
    }

    [Theory]
    [InlineData("ftp://proxy.example:21", "is not a proxy address")]
    [InlineData("http://user:pass@proxy.example:3128", "-ProxyCredential")]
    public void A_proxy_address_that_cannot_work_or_carries_a_password_is_refused(string proxy, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ConnectionSettings { Proxy = new Uri(proxy) }.ToOptions());

        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain("pass@", ex.Message);
    }

    [Theory]
    [InlineData("https://proxy.example:3129")]
    [InlineData("socks5://127.0.0.1:1080")]
    public void Https_and_socks_proxies_are_accepted(string proxy)
    {
        Assert.NotNull(new ConnectionSettings { Proxy = new Uri(proxy) }.ToOptions().Proxy);
    }
}
