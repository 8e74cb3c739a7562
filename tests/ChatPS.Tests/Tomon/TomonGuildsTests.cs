using ChatPS.Http;
using ChatPS.Tests.Infrastructure;
using ChatPS.Tomon;
using ChatPS.Tomon.Models;

namespace ChatPS.Tests.Tomon;

/// <summary>Each test gets a fresh emulator: these tests change the guild list.</summary>
public class TomonGuildsTests : IAsyncLifetime
{
    private readonly EmulatorFixture _emulator = new();

    public Task InitializeAsync() => _emulator.InitializeAsync();

    public Task DisposeAsync() => _emulator.DisposeAsync();

    [Fact]
    public async Task List_returns_the_joined_guilds_with_their_fields()
    {
        using var tomon = await _emulator.Tomon();
        var guilds = await tomon.Guilds.ListAsync();
        Assert.Equal(5, guilds.Count);
        var welcome = guilds[0];
        Assert.Equal("121979324558479360", welcome.Id);
        Assert.Equal("欢迎使用", welcome.Name);
        Assert.Equal("121979324369735680", welcome.OwnerId);
        Assert.Null(welcome.Position);
        Assert.Equal(new DateTimeOffset(2020, 5, 2, 14, 22, 17, 241, TimeSpan.Zero), welcome.JoinedAt);
        Assert.Equal(1, welcome.DefaultMessageNotifications);
        Assert.True(welcome.AdditionalProperties!.ContainsKey("background_props"));
    }

    [Fact]
    public async Task Reordering_round_trips()
    {
        using var tomon = await _emulator.Tomon();
        var byName = (await tomon.Guilds.ListAsync()).OrderBy(g => g.Name, StringComparer.Ordinal).Select(g => g.Id).ToArray();

        var reordered = await tomon.Guilds.ReorderAsync(TomonGuildsClient.PositionsInOrder(byName));

        Assert.Equal(byName, reordered.Select(g => g.Id));
        Assert.Equal(byName, (await tomon.Guilds.ListAsync()).Select(g => g.Id));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (int?)i), (await tomon.Guilds.ListAsync()).Select(g => g.Position));
        var patch = _emulator.Host.Requests.Matching("users/@me/guilds").Single(r => r.Method == "PATCH");
        Assert.StartsWith("application/json", patch.ContentType);
    }

    [Fact]
    public async Task A_partial_order_keeps_the_other_guilds_after_the_listed_ones()
    {
        using var tomon = await _emulator.Tomon();
        var original = (await tomon.Guilds.ListAsync()).Select(g => g.Id).ToArray();

        var result = await tomon.Guilds.ReorderAsync(TomonGuildsClient.PositionsInOrder(new[] { original[3], original[1] }));

        Assert.Equal(new[] { original[3], original[1], original[0], original[2], original[4] }, result.Select(g => g.Id));
    }

    [Fact]
    public async Task Leaving_a_guild_shows_in_the_next_list_and_an_unknown_guild_is_404()
    {
        using var tomon = await _emulator.Tomon();
        await tomon.Guilds.LeaveAsync("200000000000000002");
        Assert.DoesNotContain(await tomon.Guilds.ListAsync(), g => g.Id == "200000000000000002");
        var delete = _emulator.Host.Requests.Matching("200000000000000002").Single();
        Assert.Equal(("DELETE", 204), (delete.Method, delete.Status));

        var ex = await Assert.ThrowsAsync<ChatApiException>(() => tomon.Guilds.LeaveAsync("200000000000000002"));
        Assert.Equal(ChatErrorKind.NotFound, ex.Kind);
        Assert.Equal("ChatPS.Tomon.Http404", ex.ErrorId);
    }

    [Fact]
    public async Task Reordering_an_unknown_guild_is_404()
    {
        using var tomon = await _emulator.Tomon();
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => tomon.Guilds.ReorderAsync(new[] { new TomonGuildPosition("999", 0) }));
        Assert.Equal(404, ex.StatusCode);
    }

    [Fact]
    public async Task Bad_positions_fail_before_anything_is_sent()
    {
        using var tomon = await _emulator.Tomon();
        int before = _emulator.Host.Requests.Count;
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.Guilds.ReorderAsync(new[] { new TomonGuildPosition("1", 0), new TomonGuildPosition("2", 0) }));
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.Guilds.ReorderAsync(new[] { new TomonGuildPosition("1", 0), new TomonGuildPosition("1", 1) }));
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.Guilds.ReorderAsync(new[] { new TomonGuildPosition("x", 0) }));
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.Guilds.ReorderAsync(new[] { new TomonGuildPosition("1", -1) }));
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.Guilds.ReorderAsync(Array.Empty<TomonGuildPosition>()));
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.Guilds.LeaveAsync(" "));
        Assert.Equal(before, _emulator.Host.Requests.Count);
    }

    [Fact]
    public void Position_maps_are_ordered_by_position_and_checked()
    {
        var list = TomonGuildsClient.PositionsFromMap(new Dictionary<string, object?> { ["20"] = 1, ["10"] = "0", ["30"] = 2L });
        Assert.Equal(new[] { "10", "20", "30" }, list.Select(p => p.Id));
        Assert.Throws<ArgumentException>(() => TomonGuildsClient.PositionsFromMap(new Dictionary<string, object?> { ["1"] = 0, ["2"] = 0 }));
        Assert.Throws<ArgumentException>(() => TomonGuildsClient.PositionsFromMap(new Dictionary<string, object?> { ["1"] = "first" }));
        Assert.Throws<ArgumentException>(() => TomonGuildsClient.PositionsInOrder(new[] { "1", "1" }));
    }
}
