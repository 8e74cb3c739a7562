using System.Net.Http;
using System.Text.Json;
using ChatPS.Emulator;
using ChatPS.Emulator.Kook;
using ChatPS.Http;
using ChatPS.Json;
using ChatPS.Kook;
using ChatPS.Kook.Models;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Kook;

public class KookUsersClientTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public KookUsersClientTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task GetCurrent_returns_the_bot_with_every_documented_field_and_client_id()
    {
        using var kook = _emulator.Kook();
        var me = await kook.Users.GetCurrentAsync();

        Assert.Equal("364862", me.Id);
        Assert.Equal("ChatPS Emulator Bot", me.Username);
        Assert.Equal("1670", me.IdentifyNum);
        Assert.Equal("ChatPS Emulator Bot#1670", me.FullName);
        Assert.True(me.Bot);
        Assert.Equal("Webhook", me.Os);
        Assert.Equal(KookUserStatus.Normal, me.Status);
        Assert.False(me.IsBanned);
        Assert.True(me.MobileVerified);
        Assert.Equal("86", me.MobilePrefix);
        Assert.Equal("110****2333", me.Mobile);
        Assert.Equal(0, me.InvitedCount);
        Assert.Equal("https://img.kookapp.cn/assets/emulator/banner.png", me.Banner);
        Assert.Equal("b64kJF7HHFKEMU", me.ClientId);
        // Only what live replies carry beyond the typed fields: nameplate, decorations_id_map, kpm_vip, wealth_level.
        Assert.Equal(new[] { "decorations_id_map", "kpm_vip", "nameplate", "wealth_level" }, me.AdditionalProperties!.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Get_with_guild_reads_guild_fields_roles_as_strings_and_epoch_dates()
    {
        using var kook = _emulator.Kook();
        var alice = await kook.Users.GetAsync("1000000001", KookState.GuildId);

        Assert.Equal("alice#0001", alice.FullName);
        Assert.Equal("Alice (admin)", alice.Nickname);
        Assert.Equal(new[] { "113", "114" }, alice.Roles);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1621338425000), alice.JoinedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1628688607719), alice.ActiveTime);
        Assert.True(alice.IsVip);
        Assert.EndsWith(".gif/icon", alice.VipAvatar);
        Assert.Equal(KookState.GuildId, alice.GuildId);
        Assert.True(alice.Online);
    }

    [Fact]
    public async Task Undocumented_fields_are_kept_as_plain_values_and_survive_serialisation()
    {
        using var kook = _emulator.Kook();
        var alice = await kook.Users.GetAsync("1000000001");

        Assert.NotNull(alice.AdditionalProperties);
        var decorations = Assert.IsType<Dictionary<string, object?>>(alice.AdditionalProperties!["decorations_id_map"]);
        Assert.Equal(10001L, decorations["join_voice"]);

        string json = JsonSerializer.Serialize(alice, ChatJson.Options);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(10001, doc.RootElement.GetProperty("decorations_id_map").GetProperty("join_voice").GetInt32());
        Assert.Equal("alice", doc.RootElement.GetProperty("username").GetString());
        // Typed fields go back out under their wire names.
        Assert.True(doc.RootElement.GetProperty("is_sys").ValueKind == JsonValueKind.False);
        Assert.Equal(JsonValueKind.String, doc.RootElement.GetProperty("tag_info").GetProperty("bg_color").ValueKind);
        var back = JsonSerializer.Deserialize<KookUser>(json, ChatJson.Options)!;
        Assert.Equal(10001L, ((Dictionary<string, object?>)back.AdditionalProperties!["decorations_id_map"]!)["join_voice"]);
        Assert.True(back.VipAmp);
    }

    [Fact]
    public async Task Get_without_guild_has_no_guild_fields_and_banned_status_reads_as_banned()
    {
        using var kook = _emulator.Kook();
        var mallory = await kook.Users.GetAsync("1000000010");

        Assert.Null(mallory.Nickname);
        Assert.Null(mallory.JoinedAt);
        Assert.Null(mallory.GuildId);
        Assert.Equal(KookUserStatus.Banned, mallory.Status);
        Assert.True(mallory.IsBanned);
    }

    [Fact]
    public async Task Online_and_offline_change_what_status_and_me_report()
    {
        using var kook = _emulator.Kook();

        await kook.Users.GoOnlineAsync();
        var status = await kook.Users.GetOnlineStatusAsync();
        Assert.True(status.Online);
        Assert.Equal(new[] { "Webhook" }, status.OnlineOs);
        Assert.True((await kook.Users.GetCurrentAsync()).Online);

        await kook.Users.GoOfflineAsync();
        status = await kook.Users.GetOnlineStatusAsync();
        Assert.False(status.Online);
        Assert.Empty(status.OnlineOs);
        Assert.False((await kook.Users.GetCurrentAsync()).Online);

        var posts = _emulator.Host.Requests.Snapshot().Where(r => r.Method == "POST").Select(r => r.Path).ToArray();
        Assert.Contains("/api/v3/user/online", posts);
        Assert.Contains("/api/v3/user/offline", posts);
    }

    [Fact]
    public async Task OAuth_tokens_are_sent_with_the_Bearer_scheme()
    {
        using var kook = _emulator.Kook(token: "kook-emulator-oauth-token", type: KookTokenType.Bearer);
        var me = await kook.Users.GetCurrentAsync();
        Assert.Equal("364862", me.Id);
        Assert.Equal("Bearer", _emulator.Host.Requests.Snapshot().Last().AuthScheme);
    }

    [Fact]
    public async Task Raw_send_returns_data_and_passes_query_parameters()
    {
        using var kook = _emulator.Kook();
        var data = await kook.SendAsync(HttpMethod.Get, "/user/view", new Dictionary<string, string?> { ["user_id"] = "1000000002", ["guild_id"] = null });
        Assert.Equal("bob", data.GetProperty("username").GetString());
        var record = _emulator.Host.Requests.Snapshot().Last();
        Assert.Equal("?user_id=1000000002", record.Query);
    }

    [Fact]
    public async Task Every_request_carries_the_ChatPS_user_agent()
    {
        using var kook = _emulator.Kook();
        await kook.Users.GetCurrentAsync();
        var ua = _emulator.Host.Requests.Snapshot().Last().UserAgent;
        Assert.Matches(@"^ChatPS/\d+\.\d+\.\d+ \(.+; .+\)$", ua);
    }

    [Fact]
    public async Task Synthetic_users_resolve_for_bulk_runs()
    {
        using var kook = _emulator.Kook();
        var user = await kook.Users.GetAsync((KookState.SyntheticBase + 7).ToString());
        Assert.Equal("user7", user.Username);
    }
}

public class KookPathPrefixTests : IClassFixture<KookPathPrefixTests.PrefixedEmulator>
{
    public class PrefixedEmulator : EmulatorFixture
    {
        protected override EmulatorOptions CreateOptions() => new() { Port = 0, PathBase = "/gateway/kook", SyntheticUsers = 0 };
    }

    private readonly PrefixedEmulator _emulator;

    public KookPathPrefixTests(PrefixedEmulator emulator) => _emulator = emulator;

    [Theory]
    [InlineData("gateway/kook/api/v3")]
    [InlineData("gateway/kook/api/v3/")]
    public async Task A_base_uri_with_a_path_prefix_is_honoured(string suffix)
    {
        var baseUri = new Uri(_emulator.Host.BaseAddress, suffix);
        using var kook = _emulator.Kook(baseUri: baseUri);
        Assert.Equal("364862", (await kook.Users.GetCurrentAsync()).Id);
        Assert.Equal(new Uri(_emulator.Host.BaseAddress, "gateway/kook/api/v3/"), kook.BaseUri);
    }
}
