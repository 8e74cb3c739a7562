using System.Net.Http;
using ChatPS.Automation;
using ChatPS.Http;
using ChatPS.Kook;
using ChatPS.Tomon;
using ChatPS.Tomon.Models;

namespace ChatPS.Tests.Hostile;

/// <summary>
/// Every client method that reads a reply, as one call each: what the fuzz test feeds hostile replies to. The result is
/// touched the way a caller would (a connection's text, its user), so a reply that breaks an object later counts too.
/// </summary>
public sealed record Reader(string Name, bool Kook, Func<Uri, ConnectionOptions, Task<object?>> Call)
{
    public override string ToString() => Name;

    private const string GuildId = "77601467623542784";
    private const string UserId = "77334868412862464";

    private static KookClient KookClient(Uri baseUri, ConnectionOptions options) =>
        new(ApiToken.FromPlainText("kook-emulator-token"), KookTokenType.Bot, baseUri, options);

    private static Task<TomonClient> TomonSession(Uri baseUri, ConnectionOptions options) =>
        TomonClient.ConnectAsync(TomonSignIn.WithSessionToken(ApiToken.FromPlainText("tomon-emulator-session")), baseUri, options);

    private static Reader K(string name, Func<KookClient, Task<object?>> call) => new(name, true, async (uri, options) =>
    {
        using var kook = KookClient(uri, options);
        return await call(kook);
    });

    private static Reader T(string name, Func<TomonClient, Task<object?>> call) => new(name, false, async (uri, options) =>
    {
        using var tomon = await TomonSession(uri, options);
        return await call(tomon);
    });

    public static readonly Reader[] All =
    {
        K("KOOK user/me", async k => await k.Users.GetCurrentAsync()),
        new("KOOK connect (user/me, user read later)", true, async (uri, options) =>
        {
            var kook = KookClient(uri, options);
            var user = await kook.Users.CheckCurrentAsync(CancellationToken.None);
            using var connection = new KookConnection(kook, user);
            // What PowerShell does while binding -Connection, and what a script reads.
            _ = connection.ToString();
            _ = connection.User;
            _ = connection.UserName;
            return connection.ToString();
        }),
        K("KOOK user/view", async k => await k.Users.GetAsync("1000000001", "9000000000000001")),
        K("KOOK user/get-online-status", async k => await k.Users.GetOnlineStatusAsync()),
        K("KOOK user/online", async k => { await k.Users.GoOnlineAsync(); return null; }),
        K("KOOK user/offline", async k => { await k.Users.GoOfflineAsync(); return null; }),
        K("KOOK raw GET user/me", async k => await k.SendAsync(HttpMethod.Get, "user/me")),
        new("Tomon sign-in with a bot token", false, async (uri, options) =>
        {
            using var tomon = await TomonClient.ConnectAsync(TomonSignIn.WithBotToken(ApiToken.FromPlainText("tomon-emulator-token")), uri, options);
            return tomon.SignedInUser;
        }),
        new("Tomon sign-in with a password", false, async (uri, options) =>
        {
            using var tomon = await TomonClient.ConnectAsync(TomonSignIn.WithPassword("tomon#1234", new System.Net.NetworkCredential("", "tomon-password").SecurePassword), uri, options);
            return tomon.SignedInUser;
        }),
        T("Tomon GET users/@me", async t => await t.Profile.GetAsync()),
        T("Tomon PATCH users/@me", async t => await t.Profile.UpdateAsync(new TomonProfileUpdate { Name = "fuzz", CurrentPassword = ApiToken.FromPlainText("tomon-password") })),
        T("Tomon GET users/@me/guilds", async t => await t.Guilds.ListAsync()),
        T("Tomon PATCH users/@me/guilds", async t => await t.Guilds.ReorderAsync(TomonGuildsClient.PositionsInOrder(new[] { GuildId }))),
        T("Tomon GET users/@me/channels", async t => await t.DirectChannels.ListAsync()),
        T("Tomon POST users/@me/channels", async t => await t.DirectChannels.CreateAsync(new[] { UserId })),
        T("Tomon PATCH guild settings", async t => await t.GuildSettings.UpdateAsync(new TomonGuildSettingsUpdate { GuildId = GuildId, Muted = true })),
        T("Tomon GET users/@me/tickets", async t => await t.Invites.ListAsync()),
        T("Tomon POST users/@me/tickets", async t => await t.Invites.CreateAsync()),
        T("Tomon GET users/@me/stamppacks", async t => await t.StampPacks.ListAsync()),
        T("Tomon PUT stamp pack", async t => { await t.StampPacks.AddAsync("140000000000000001"); return null; }),
        T("Tomon DELETE stamp pack", async t => { await t.StampPacks.RemoveAsync("140000000000000001"); return null; }),
        T("Tomon POST users/@me/reports", async t => await t.Reports.CreateAsync(new TomonReportRequest { TargetId = UserId, Reason = TomonReportReason.Spam, Comment = "fuzz" }, Array.Empty<EvidenceFile>())),
        T("Tomon raw GET users/@me", async t => await t.SendAsync(HttpMethod.Get, "users/@me")),
        T("Tomon DELETE users/@me/guilds/{id}", async t => { await t.Guilds.LeaveAsync(GuildId); return null; }),
    };
}
