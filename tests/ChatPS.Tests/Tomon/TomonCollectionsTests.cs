using System.Net.Http;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;
using ChatPS.Tomon;

namespace ChatPS.Tests.Tomon;

/// <summary>DM channels, guild settings, invites and stamp packs: each on a fresh emulator, since they change state.</summary>
public class TomonCollectionsTests : IAsyncLifetime
{
    private readonly EmulatorFixture _emulator = new();

    public Task InitializeAsync() => _emulator.InitializeAsync();

    public Task DisposeAsync() => _emulator.DisposeAsync();

    [Fact]
    public async Task Direct_channels_are_created_once_per_recipient_set_and_listed()
    {
        using var tomon = await _emulator.Tomon();
        Assert.Empty(await tomon.DirectChannels.ListAsync());

        var channel = await tomon.DirectChannels.CreateAsync(new[] { "77334868412862464" });
        Assert.Equal(2, channel.Type);
        Assert.Equal("alice#0001", Assert.Single(channel.Recipients).FullName);
        var again = await tomon.DirectChannels.CreateAsync(new[] { "77334868412862464", "77334868412862464" });
        Assert.Equal(channel.Id, again.Id);

        var list = await tomon.DirectChannels.ListAsync();
        Assert.Equal(channel.Id, Assert.Single(list).Id);
        Assert.Equal(0, list[0].UnreadCount);
    }

    [Fact]
    public async Task Direct_channel_errors()
    {
        using var tomon = await _emulator.Tomon();
        int before = _emulator.Host.Requests.Count;
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.DirectChannels.CreateAsync(Array.Empty<string>()));
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.DirectChannels.CreateAsync(new[] { "abc" }));
        Assert.Equal(before, _emulator.Host.Requests.Count);

        var ex = await Assert.ThrowsAsync<ChatApiException>(() => tomon.DirectChannels.CreateAsync(new[] { "555" }));
        Assert.Equal(ChatErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task Direct_message_settings_pass_other_keys_through_and_merge()
    {
        using var tomon = await _emulator.Tomon();
        await tomon.GuildSettings.UpdateAsync(new Dictionary<string, object?> { ["mute"] = true, ["nested"] = new Dictionary<string, object> { ["level"] = 2 } });
        var reply = await tomon.GuildSettings.UpdateAsync(new Dictionary<string, object?> { ["suppress_everyone"] = false });
        Assert.True(reply.Muted);
        Assert.False(reply.SuppressEveryone);
        Assert.Null(reply.GuildId);
        Assert.Equal(2L, ((Dictionary<string, object?>)reply.AdditionalProperties!["nested"]!)["level"]);
        Assert.Equal("PATCH", _emulator.Host.Requests.Matching("/users/@me/guilds/@me/settings")[^1].Method);
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.GuildSettings.UpdateAsync(new Dictionary<string, object?>()));
    }

    [Fact]
    public async Task Creating_an_invite_twice_in_a_week_returns_the_same_invite()
    {
        using var tomon = await _emulator.Tomon();
        var first = await tomon.Invites.CreateAsync();
        var second = await tomon.Invites.CreateAsync();
        Assert.Equal(first.Code, second.Code);
        Assert.Matches("^[A-Za-z0-9]{6}$", first.Code);
        Assert.Equal(10, first.MaxUses);
        var list = await tomon.Invites.ListAsync();
        Assert.Equal(first.Code, Assert.Single(list).Code);
        Assert.All(_emulator.Host.Requests.Matching("tickets"), r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task Stamp_packs_are_added_with_PUT_and_removed_with_DELETE()
    {
        using var tomon = await _emulator.Tomon();
        var seeded = Assert.Single(await tomon.StampPacks.ListAsync());
        Assert.Equal("tomon self pack", seeded.Name);
        Assert.Equal(seeded.PackId, seeded.Id);
        Assert.Single(seeded.StampPack!.Stamps!);

        await tomon.StampPacks.AddAsync("140000000000000001");
        await tomon.StampPacks.AddAsync("140000000000000001");
        Assert.Equal(new[] { "132700396123000000", "140000000000000001" }, (await tomon.StampPacks.ListAsync()).Select(p => p.PackId));

        await tomon.StampPacks.RemoveAsync("140000000000000001");
        Assert.Single(await tomon.StampPacks.ListAsync());
        var methods = _emulator.Host.Requests.Matching("stamppacks/140000000000000001").Select(r => (r.Method, r.Status)).ToArray();
        Assert.Equal(new[] { ("PUT", 204), ("PUT", 204), ("DELETE", 204) }, methods);

        Assert.Equal(ChatErrorKind.NotFound, (await Assert.ThrowsAsync<ChatApiException>(() => tomon.StampPacks.RemoveAsync("140000000000000001"))).Kind);
        Assert.Equal(ChatErrorKind.NotFound, (await Assert.ThrowsAsync<ChatApiException>(() => tomon.StampPacks.AddAsync("999"))).Kind);
    }

    [Fact]
    public async Task Raw_calls_reach_any_endpoint_and_unknown_paths_are_404()
    {
        using var tomon = await _emulator.Tomon();
        var me = await tomon.SendAsync(HttpMethod.Get, "/users/@me");
        Assert.Equal("tomon", me.GetProperty("username").GetString());
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => tomon.SendAsync(HttpMethod.Get, "users/@me/nothing-here"));
        Assert.Equal(ChatErrorKind.NotFound, ex.Kind);
        Assert.Equal("Not Found", ex.ApiMessage);
    }
}
