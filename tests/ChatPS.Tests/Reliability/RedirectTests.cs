using System.Net.Http;
using ChatPS.Emulator;
using ChatPS.Emulator.Infrastructure;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Reliability;

public class RedirectTests : IAsyncLifetime
{
    private readonly EmulatorFixture _origin = new();
    private EmulatorHost _other = null!;

    public async Task InitializeAsync()
    {
        await _origin.InitializeAsync();
        _other = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, SyntheticUsers = 0 });
    }

    public async Task DisposeAsync()
    {
        await _other.DisposeAsync();
        await _origin.DisposeAsync();
    }

    [Fact]
    public async Task A_redirect_within_the_origin_keeps_the_credentials()
    {
        using var kook = _origin.Kook();
        _origin.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/view", Kind = FaultKind.Redirect, Location = "/api/v3/user/me" });

        var data = await kook.SendAsync(HttpMethod.Get, "user/view", new Dictionary<string, string?> { ["user_id"] = "1" });

        Assert.Equal("364862", data.GetProperty("id").GetString());
        var me = _origin.Host.Requests.Matching("user/me").Single();
        Assert.Equal("Bot", me.AuthScheme);
    }

    [Fact]
    public async Task A_redirect_to_another_host_drops_the_credentials()
    {
        using var kook = _origin.Kook();
        // Same machine, different host name and port: a different origin.
        string elsewhere = $"http://localhost:{_other.BaseAddress.Port}/api/v3/user/me";
        _origin.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.Redirect, Location = elsewhere });

        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetCurrentAsync());

        Assert.Equal(ChatErrorKind.Authentication, ex.Kind);
        var arrived = Assert.Single(_other.Requests.Matching("user/me"));
        Assert.Null(arrived.AuthScheme);
    }
}
