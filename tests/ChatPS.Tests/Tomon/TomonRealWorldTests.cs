using System.Net;
using System.Text.Json;
using ChatPS.Automation;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;
using ChatPS.Tomon;
using ChatPS.Tomon.Models;

namespace ChatPS.Tests.Tomon;

/// <summary>Tomon as its own clients use it: per-guild settings, name changes, and the flat login reply.</summary>
public class TomonRealWorldTests : IClassFixture<EmulatorFixture>
{
    private const string Lab = "77601467623542784";
    private readonly EmulatorFixture _emulator;

    public TomonRealWorldTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.ResetDiagnostics();
    }

    [Fact]
    public async Task Guild_settings_are_sent_per_guild_with_the_clients_names_and_stored_per_guild()
    {
        using var tomon = await _emulator.Tomon();
        var stored = await tomon.GuildSettings.UpdateAsync(new TomonGuildSettingsUpdate
        {
            GuildId = Lab,
            Muted = true,
            MessageNotifications = 1,
            ChannelOverrides = new[] { new TomonChannelOverride("77601467623542785", 0) },
        });

        var call = _emulator.Host.Requests.Snapshot()[^1];
        Assert.Equal("PATCH", call.Method);
        Assert.Equal("/api/v1/users/@me/guilds/" + Lab + "/settings", call.Path);
        Assert.Equal(Lab, stored.GuildId);
        Assert.True(stored.Muted);
        Assert.Equal(1, stored.MessageNotifications);
        Assert.False(stored.SuppressEveryone);
        var o = Assert.Single(stored.ChannelOverrides!);
        Assert.Equal(("77601467623542785", 0), (o.ChannelId, o.MessageNotifications));

        // Another guild and the direct-message settings are separate.
        var other = await tomon.GuildSettings.UpdateAsync(new TomonGuildSettingsUpdate { GuildId = "200000000000000001", SuppressEveryone = true });
        Assert.False(other.Muted);
        Assert.True(other.SuppressEveryone);
        Assert.Empty(other.ChannelOverrides!);
        var dm = await tomon.GuildSettings.UpdateAsync(new TomonGuildSettingsUpdate { MessageNotifications = 2 });
        Assert.Null(dm.GuildId);
        Assert.False(dm.Muted);

        // Overrides merge per channel; unmuting is sent as mute: false.
        var again = await tomon.GuildSettings.UpdateAsync(new TomonGuildSettingsUpdate
        {
            GuildId = Lab,
            Muted = false,
            ChannelOverrides = new[] { new TomonChannelOverride("77601467623542785", 2), new TomonChannelOverride("77601467623542786", 1) },
        });
        Assert.False(again.Muted);
        Assert.Equal(1, again.MessageNotifications);
        Assert.Equal(new[] { "77601467623542785=2", "77601467623542786=1" }, again.ChannelOverrides!.Select(c => c.ToString()).OrderBy(x => x));
    }

    [Fact]
    public async Task The_body_uses_mute_not_muted_and_other_keys_pass_through()
    {
        var update = new TomonGuildSettingsUpdate { GuildId = Lab, Muted = true, SuppressEveryone = false, Other = new Dictionary<string, object?> { ["mobile_push"] = true } };
        var body = update.Body();
        Assert.Equal(new[] { "mute", "suppress_everyone", "mobile_push" }, body.Keys);
        Assert.Equal("Change mute, suppress_everyone, mobile_push", update.ToString());

        using var tomon = await _emulator.Tomon();
        var stored = await tomon.GuildSettings.UpdateAsync(update);
        Assert.True(stored.Muted);
        Assert.Equal(true, stored.AdditionalProperties!["mobile_push"]);
    }

    [Fact]
    public async Task Bad_guild_settings_are_refused_before_sending_and_by_the_emulator()
    {
        using var tomon = await _emulator.Tomon();
        int before = _emulator.Host.Requests.Count;
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.GuildSettings.UpdateAsync(new TomonGuildSettingsUpdate { GuildId = "abc", Muted = true }));
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.GuildSettings.UpdateAsync(new TomonGuildSettingsUpdate { GuildId = Lab }));
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.GuildSettings.UpdateAsync(new TomonGuildSettingsUpdate { MessageNotifications = 7 }));
        var clash = await Assert.ThrowsAsync<ArgumentException>(() => tomon.GuildSettings.UpdateAsync(
            new TomonGuildSettingsUpdate { Muted = true, Other = new Dictionary<string, object?> { ["mute"] = false } }));
        Assert.Contains("'mute'", clash.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.GuildSettings.UpdateAsync(new TomonGuildSettingsUpdate
        {
            ChannelOverrides = new[] { new TomonChannelOverride("1", 0), new TomonChannelOverride("1", 1) },
        }));
        Assert.Equal(before, _emulator.Host.Requests.Count);

        var unknown = await Assert.ThrowsAsync<ChatApiException>(() => tomon.GuildSettings.UpdateAsync(new TomonGuildSettingsUpdate { GuildId = "999", Muted = true }));
        Assert.Equal(ChatErrorKind.NotFound, unknown.Kind);
        // The emulator validates what a raw call sends, too.
        var raw = await Assert.ThrowsAsync<ChatApiException>(() => tomon.SendAsync(new System.Net.Http.HttpMethod("PATCH"), "users/@me/guilds/@me/settings",
            body: new Dictionary<string, object?> { ["channel_overrides"] = new object[] { new Dictionary<string, object?> { ["channel_id"] = "x" } } }));
        Assert.Equal(422, raw.StatusCode);
        raw = await Assert.ThrowsAsync<ChatApiException>(() => tomon.SendAsync(new System.Net.Http.HttpMethod("PATCH"), "users/@me/guilds/@me/settings",
            body: new Dictionary<string, object?> { ["mute"] = "yes" }));
        Assert.Equal(422, raw.StatusCode);
    }

    [Theory]
    [InlineData("channel_id", "123", "message_notifications", 1)]
    [InlineData("ChannelId", "123", "MessageNotifications", "1")]
    [InlineData("CHANNEL_ID", "123", "messagenotifications", 1L)]
    public void Channel_overrides_are_read_from_tables_in_either_naming(string idKey, string id, string levelKey, object level)
    {
        var o = TomonChannelOverride.From(new Dictionary<string, object?> { [idKey] = id, [levelKey] = level });
        Assert.Equal("123", o.ChannelId);
        Assert.Equal(1, o.MessageNotifications);
    }

    [Theory]
    [InlineData("{\"channel_id\":\"123\"}", "needs both")]
    [InlineData("{\"channel_id\":\"abc\",\"message_notifications\":1}", "'abc'")]
    [InlineData("{\"channel_id\":\"1\",\"message_notifications\":9}", "'9'")]
    [InlineData("{\"channel_id\":\"1\",\"message_notifications\":1,\"colour\":1}", "'colour'")]
    [InlineData("{\"channel_id\":\"1\",\"message_notifications\":\"lots\"}", "'lots'")]
    public void Bad_channel_overrides_name_the_problem(string json, string expected)
    {
        var map = (Dictionary<string, object?>)ChatPS.Json.JsonValues.ToPlain(JsonDocument.Parse(json).RootElement)!;
        var ex = Assert.Throws<ArgumentException>(() => TomonChannelOverride.From(map));
        Assert.Contains(expected, ex.Message);
        Assert.Throws<ArgumentException>(() => TomonChannelOverride.From("123"));
    }

    [Fact]
    public async Task WhatIf_text_names_the_guild()
    {
        using var tomon = await _emulator.Tomon();
        var connection = new TomonConnection(tomon, null);
        Assert.Equal("Tomon direct-message settings (@me)", OperationText.GuildSettings(connection, "@me"));
        Assert.Equal("Settings of Tomon guild " + Lab, OperationText.GuildSettings(connection, Lab));
        connection.GuildCache = (await tomon.Guilds.ListAsync()).ToArray();
        Assert.Equal("Settings of Tomon guild 'Automation Lab' (" + Lab + ")", OperationText.GuildSettings(connection, Lab));
    }

    [Fact]
    public async Task The_login_reply_is_one_flat_object_and_the_connection_user_comes_from_it()
    {
        // Exactly the shape Tomon answers: the user's own fields plus "token", nothing wrapped.
        _emulator.Reply("POST", "/api/v1/auth/login", """
            {"id":"132700396123668480","username":"tomon","discriminator":"1234","avatar":null,"name":"Tomon Bot",
             "avatar_url":null,"type":0,"email":"bot@tomon.example","email_verified":true,"phone":null,"phone_verified":false,
             "banned":false,"activated":true,"is_bot":true,"deleted":false,"created_at":"2020-05-02T14:22:17.241Z",
             "updated_at":"2020-06-01T04:24:40.027Z","token":"tomon-emulator-session"}
            """);
        var settings = new ConnectionSettings { BaseUri = _emulator.Host.TomonBaseUri.ToString(), MaximumRetryCount = 0 };
        using var connection = await Connector.ConnectTomonAsync(TomonSignIn.WithBotToken(ApiToken.FromPlainText("any-bot-token")), settings, false, CancellationToken.None);

        Assert.Equal("tomon#1234", connection.UserName);
        Assert.Equal("Tomon Bot", connection.User!.Name);
        Assert.Equal(true, connection.User.AdditionalProperties!["is_bot"]);
        Assert.False(connection.User.AdditionalProperties.ContainsKey("token"));
        // No second call to learn who signed in; the token from the reply is the session.
        Assert.Equal(new[] { "/api/v1/auth/login" }, _emulator.Host.Requests.Snapshot().Select(r => r.Path));
        await connection.Client.Guilds.ListAsync();
        Assert.Equal("Bearer", _emulator.Host.Requests.Snapshot()[^1].AuthScheme);
        Assert.True(_emulator.Host.Requests.Snapshot()[^1].Authorized);

        // The emulator's own login answers the same flat shape.
        using var http = new HttpClient();
        var reply = await http.PostAsync(_emulator.Host.TomonBaseUri + "/auth/login",
            new StringContent("{\"token\":\"" + EmulatorFixture.TomonBotToken + "\"}", System.Text.Encoding.UTF8, "application/json"));
        using var doc = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        Assert.Equal("132700396123668480", doc.RootElement.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.String, doc.RootElement.GetProperty("token").ValueKind);
        Assert.False(doc.RootElement.TryGetProperty("user", out _));
    }
}

/// <summary>Renaming changes the emulator's one account, so it has an emulator of its own.</summary>
public class TomonRenameTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public TomonRenameTests(EmulatorFixture emulator) => _emulator = emulator;

    private static ApiToken Password(string text) => new(new NetworkCredential("", text).SecurePassword);

    [Fact]
    public async Task Name_and_username_are_sent_as_the_client_sends_them_and_validated_on_both_sides()
    {
        using var tomon = await _emulator.Tomon();
        var user = await tomon.Profile.UpdateAsync(new TomonProfileUpdate { Name = "Ops Bot", Username = "opsbot", CurrentPassword = Password("tomon-password") });
        Assert.Equal("Ops Bot", user.Name);
        Assert.Equal("opsbot#1234", user.FullName);
        Assert.Equal("opsbot", (await tomon.Profile.GetAsync()).Username);

        // The new user name is the sign-in name from now on.
        using var signedIn = await _emulator.Tomon(signIn: TomonSignIn.WithPassword("opsbot#1234", new NetworkCredential("", "tomon-password").SecurePassword));
        Assert.Equal("Ops Bot", signedIn.SignedInUser!.Name);

        // alice#0001 exists: taking her name and discriminator is a conflict.
        var taken = await Assert.ThrowsAsync<ChatApiException>(() => tomon.Profile.UpdateAsync(
            new TomonProfileUpdate { Username = "alice", Discriminator = "0001", CurrentPassword = Password("tomon-password") }));
        Assert.Equal(ChatErrorKind.Conflict, taken.Kind);

        int before = _emulator.Host.Requests.Count;
        foreach (var bad in new[]
        {
            new TomonProfileUpdate { Username = "a#b", CurrentPassword = Password("x") },
            new TomonProfileUpdate { Username = "  ", CurrentPassword = Password("x") },
            new TomonProfileUpdate { Name = new string('n', 33), CurrentPassword = Password("x") },
            new TomonProfileUpdate { Name = "tab\there", CurrentPassword = Password("x") },
        })
            await Assert.ThrowsAsync<ArgumentException>(() => tomon.Profile.UpdateAsync(bad));
        Assert.Equal(before, _emulator.Host.Requests.Count);

        var raw = await Assert.ThrowsAsync<ChatApiException>(() => tomon.SendAsync(new System.Net.Http.HttpMethod("PATCH"), "users/@me",
            body: new Dictionary<string, object?> { ["username"] = "x#y", ["password"] = "tomon-password" }));
        Assert.Equal(422, raw.StatusCode);
        raw = await Assert.ThrowsAsync<ChatApiException>(() => tomon.SendAsync(new System.Net.Http.HttpMethod("PATCH"), "users/@me",
            body: new Dictionary<string, object?> { ["name"] = 5, ["password"] = "tomon-password" }));
        Assert.Equal(422, raw.StatusCode);
    }
}
