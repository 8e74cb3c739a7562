using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ChatPS.Emulator.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatPS.Emulator.Tomon;

/// <summary>
/// Tomon v1 at <c>/api/v1</c>: <c>/auth/login</c> and the <c>/users/@me</c> family. Errors are a status
/// with <c>{"message": …}</c>. Requests need <c>Authorization: Bearer &lt;session&gt;</c> except sign-in.
/// </summary>
internal static class TomonEndpoints
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly Regex Snowflake = new("^[0-9]{1,20}$", RegexOptions.CultureInvariant);
    private static readonly Regex Discriminator = new("^[0-9]{4}$", RegexOptions.CultureInvariant);
    private static readonly Regex Email = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant);

    public static void Map(IEndpointRouteBuilder app, EmulatorHost host)
    {
        var s = host.Tomon;
        const string me = "/api/v1/users/@me";

        app.MapPost("/api/v1/auth/login", async ctx =>
        {
            if (!await LimitAsync(ctx, host, "auth/login")) return;
            var body = await ReadObjectAsync(ctx);
            if (body is null) { await Error(ctx, 422, "The body must be a JSON object."); return; }
            bool ok;
            if (body.Value.TryGetProperty("token", out var token) && token.ValueKind == JsonValueKind.String)
                ok = token.GetString() == host.Options.TomonBotToken;
            else if (body.Value.TryGetProperty("full_name", out var name) && body.Value.TryGetProperty("password", out var password) &&
                     name.ValueKind == JsonValueKind.String && password.ValueKind == JsonValueKind.String)
                ok = name.GetString() == s.Me.Username + "#" + s.Me.Discriminator && password.GetString() == s.Me.Password;
            else { await Error(ctx, 422, "Give either token, or full_name and password."); return; }
            if (!ok) { await Error(ctx, 401, "Invalid credentials."); return; }
            EmulatorHost.Record(ctx)?.MarkAuthorized();
            Dictionary<string, object?> user;
            lock (s.Gate) user = UserJson(s.Me, profile: true);
            user["token"] = s.IssueSession();
            await Write(ctx, 200, user);
        });

        Handle(app, host, "GET", me, "users/@me", ctx =>
        {
            lock (s.Gate) return Write(ctx, 200, UserJson(s.Me, profile: true));
        });

        // PATCH /users/@me takes {name, username, discriminator, email, password} (the body Tomon's Android client sends):
        // 401 for a wrong password, 400 when the name#discriminator or the e-mail is taken, 422 for a malformed value.
        Handle(app, host, "PATCH", me, "users/@me", async ctx =>
        {
            var body = await ReadObjectAsync(ctx);
            if (body is null) { await Error(ctx, 422, "The body must be a JSON object."); return; }
            string? password = Str(body.Value, "password"), discriminator = Str(body.Value, "discriminator"), email = Str(body.Value, "email");
            string? name = Str(body.Value, "name"), username = Str(body.Value, "username");
            if (string.IsNullOrEmpty(password)) { await Error(ctx, 422, "password is required."); return; }
            foreach (var key in new[] { "name", "username", "discriminator", "email" })
                if (body.Value.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.String) { await Error(ctx, 422, key + " must be a string."); return; }
            if (name is null && username is null && discriminator is null && email is null) { await Error(ctx, 422, "Nothing to change: give name, username, discriminator or email."); return; }
            if (name != null && !IsName(name, allowHash: true)) { await Error(ctx, 422, $"name must be 1 to {MaxNameLength} visible characters."); return; }
            if (username != null && !IsName(username, allowHash: false)) { await Error(ctx, 422, $"username must be 1 to {MaxNameLength} visible characters without '#'."); return; }
            if (discriminator != null && !Discriminator.IsMatch(discriminator)) { await Error(ctx, 422, "discriminator must be four digits."); return; }
            if (email != null && !Email.IsMatch(email)) { await Error(ctx, 422, "email is not valid."); return; }
            Dictionary<string, object?> reply;
            lock (s.Gate)
            {
                string newUsername = username ?? s.Me.Username, newDiscriminator = discriminator ?? s.Me.Discriminator;
                bool fullNameChanges = username != null || discriminator != null;
                if (password != s.Me.Password) { reply = null!; }
                else if (fullNameChanges && s.Others.Any(o => o.Username == newUsername && o.Discriminator == newDiscriminator)) reply = new() { ["message"] = "That name and discriminator are already taken.", ["code"] = 40001 };
                else if (email != null && s.Others.Any(o => string.Equals(o.Email, email, StringComparison.OrdinalIgnoreCase))) reply = new() { ["message"] = "That e-mail address is already in use.", ["code"] = 40002 };
                else
                {
                    if (name != null) s.Me.Name = name;
                    if (username != null) s.Me.Username = username;
                    if (discriminator != null) s.Me.Discriminator = discriminator;
                    if (email != null) s.Me.Email = email;
                    s.Me.UpdatedAt = DateTimeOffset.UtcNow;
                    reply = UserJson(s.Me, profile: true);
                }
            }
            if (reply is null) await Error(ctx, 401, "Wrong password.");
            else if (reply.ContainsKey("message")) await Write(ctx, 400, reply);
            else await Write(ctx, 200, reply);
        });

        Handle(app, host, "GET", me + "/guilds", "users/@me/guilds", ctx =>
        {
            lock (s.Gate) return Write(ctx, 200, GuildsJson(s));
        });

        Handle(app, host, "PATCH", me + "/guilds", "users/@me/guilds", async ctx =>
        {
            var body = await ReadObjectAsync(ctx);
            if (body is null || !body.Value.TryGetProperty("positions", out var positions) || positions.ValueKind != JsonValueKind.Array || positions.GetArrayLength() == 0)
            { await Error(ctx, 422, "positions must be a non-empty array of {id, position}."); return; }
            var wanted = new List<(string Id, int Position)>();
            foreach (var p in positions.EnumerateArray())
            {
                string? id = p.ValueKind == JsonValueKind.Object ? Str(p, "id") : null;
                if (id is null || !p.TryGetProperty("position", out var pos) || pos.ValueKind != JsonValueKind.Number || !pos.TryGetInt32(out int n) || n < 0)
                { await Error(ctx, 422, "Each position needs an id and a position >= 0."); return; }
                wanted.Add((id, n));
            }
            if (wanted.Select(w => w.Id).Distinct().Count() != wanted.Count || wanted.Select(w => w.Position).Distinct().Count() != wanted.Count)
            { await Error(ctx, 422, "Ids and positions must be unique."); return; }
            object reply;
            lock (s.Gate)
            {
                var unknown = wanted.FirstOrDefault(w => s.Guilds.All(g => g.Id != w.Id));
                if (unknown.Id != null) reply = unknown.Id;
                else
                {
                    // Listed guilds first in the order of their positions, the rest after them in their current order.
                    var current = Ordered(s);
                    var listed = wanted.OrderBy(w => w.Position).Select(w => current.First(g => g.Id == w.Id)).ToList();
                    var order = listed.Concat(current.Where(g => !listed.Contains(g))).ToList();
                    for (int i = 0; i < order.Count; i++) order[i].Position = i;
                    reply = GuildsJson(s);
                }
            }
            if (reply is string missing) await Error(ctx, 404, $"Unknown guild {missing}.");
            else await Write(ctx, 200, reply);
        });

        app.MapDelete(me + "/guilds/{guildId}", (HttpContext ctx, string guildId) => Guarded(ctx, host, "users/@me/guilds/{id}", () =>
        {
            bool removed;
            lock (s.Gate) removed = s.Guilds.RemoveAll(g => g.Id == guildId) > 0;
            if (!removed) return Error(ctx, 404, $"Unknown guild {guildId}.");
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        }));

        Handle(app, host, "GET", me + "/channels", "users/@me/channels", ctx =>
        {
            lock (s.Gate) return Write(ctx, 200, s.Channels.Select(c => ChannelJson(s, c)).ToArray());
        });

        Handle(app, host, "POST", me + "/channels", "users/@me/channels", async ctx =>
        {
            var body = await ReadObjectAsync(ctx);
            if (body is null || !body.Value.TryGetProperty("recipients", out var r) || r.ValueKind != JsonValueKind.Array || r.GetArrayLength() == 0 ||
                r.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || !Snowflake.IsMatch(e.GetString()!)))
            { await Error(ctx, 422, "recipients must be a non-empty array of user ids."); return; }
            var ids = r.EnumerateArray().Select(e => e.GetString()!).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray();
            Dictionary<string, object?>? reply = null;
            string? unknown;
            lock (s.Gate)
            {
                unknown = ids.FirstOrDefault(id => s.FindUser(id) is null);
                if (unknown is null)
                {
                    var channel = s.Channels.FirstOrDefault(c => c.RecipientIds.SequenceEqual(ids));
                    if (channel is null)
                    {
                        channel = new TomonChannelEntry(s.NewId(), ids, DateTimeOffset.UtcNow);
                        s.Channels.Add(channel);
                    }
                    reply = ChannelJson(s, channel);
                }
            }
            if (unknown != null) await Error(ctx, 404, $"Unknown user {unknown}.");
            else await Write(ctx, 200, reply!);
        });

        // Tomon's clients send {mute, message_notifications, suppress_everyone, channel_overrides:[{channel_id, message_notifications}]}
        // per guild; the stored settings come back with "muted" (not "mute") and "guild_id". "@me" is the direct-message case the doc shows.
        app.MapMethods(me + "/guilds/{guildId}/settings", new[] { "PATCH" }, (HttpContext ctx, string guildId) => Guarded(ctx, host, "users/@me/guilds/{id}/settings", async () =>
        {
            var body = await ReadObjectAsync(ctx);
            if (body is null) { await Error(ctx, 422, "The body must be a JSON object."); return; }
            if (guildId != "@me" && !Snowflake.IsMatch(guildId)) { await Error(ctx, 422, $"'{guildId}' is not a guild id."); return; }
            string? problem = GuildSettingsProblem(body.Value);
            if (problem != null) { await Error(ctx, 422, problem); return; }
            Dictionary<string, object?>? stored = null;
            lock (s.Gate)
            {
                if (guildId == "@me" || s.Guilds.Any(g => g.Id == guildId))
                {
                    if (!s.GuildSettings.TryGetValue(guildId, out stored))
                    {
                        stored = new Dictionary<string, object?>
                        {
                            ["guild_id"] = guildId == "@me" ? null : guildId, ["muted"] = false, ["message_notifications"] = 1,
                            ["suppress_everyone"] = false, ["channel_overrides"] = new List<Dictionary<string, object?>>(),
                        };
                        s.GuildSettings[guildId] = stored;
                    }
                    ApplyGuildSettings(stored, body.Value);
                    stored = new Dictionary<string, object?>(stored)
                    {
                        ["channel_overrides"] = ((List<Dictionary<string, object?>>)stored["channel_overrides"]!).ToArray(),
                    };
                }
            }
            if (stored is null) await Error(ctx, 404, $"Unknown guild {guildId}.");
            else await Write(ctx, 200, stored);
        }));

        Handle(app, host, "GET", me + "/tickets", "users/@me/tickets", ctx =>
        {
            lock (s.Gate) return Write(ctx, 200, s.Tickets.Select(t => TicketJson(s, t)).ToArray());
        });

        Handle(app, host, "POST", me + "/tickets", "users/@me/tickets", ctx =>
        {
            Dictionary<string, object?> reply;
            lock (s.Gate)
            {
                var now = DateTimeOffset.UtcNow;
                // One invite a week: this ISO week's invite is returned again instead of a new one.
                var ticket = s.Tickets.FirstOrDefault(t => ISOWeek.GetYear(t.CreatedAt.UtcDateTime) == ISOWeek.GetYear(now.UtcDateTime) &&
                                                           ISOWeek.GetWeekOfYear(t.CreatedAt.UtcDateTime) == ISOWeek.GetWeekOfYear(now.UtcDateTime));
                if (ticket is null)
                {
                    const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
                    var code = new string(Enumerable.Range(0, 6).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray());
                    ticket = new TomonTicketEntry(code, now);
                    s.Tickets.Add(ticket);
                }
                reply = TicketJson(s, ticket);
            }
            return Write(ctx, 200, reply);
        });

        Handle(app, host, "GET", me + "/stamppacks", "users/@me/stamppacks", ctx =>
        {
            lock (s.Gate)
                return Write(ctx, 200, s.MyPacks.Select(p => new Dictionary<string, object?>
                {
                    ["user_id"] = s.Me.Id,
                    ["pack_id"] = p.PackId,
                    ["stamp_pack"] = PackJson(s.Catalog[p.PackId]),
                    ["add_at"] = Iso(p.AddedAt),
                }).ToArray());
        });

        app.MapPut(me + "/stamppacks/{packId}", (HttpContext ctx, string packId) => Guarded(ctx, host, "users/@me/stamppacks/{id}", () =>
        {
            bool known;
            lock (s.Gate)
            {
                known = s.Catalog.ContainsKey(packId);
                if (known && s.MyPacks.All(p => p.PackId != packId)) s.MyPacks.Add((packId, DateTimeOffset.UtcNow));
            }
            if (!known) return Error(ctx, 404, $"Unknown stamp pack {packId}.");
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        }));

        app.MapDelete(me + "/stamppacks/{packId}", (HttpContext ctx, string packId) => Guarded(ctx, host, "users/@me/stamppacks/{id}", () =>
        {
            bool removed;
            lock (s.Gate) removed = s.MyPacks.RemoveAll(p => p.PackId == packId) > 0;
            if (!removed) return Error(ctx, 404, $"Stamp pack {packId} is not in your collection.");
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        }));

        Handle(app, host, "POST", me + "/reports", "users/@me/reports", async ctx =>
        {
            JsonElement? payload;
            var files = new List<ReceivedFile>();
            string contentType = ctx.Request.ContentType ?? "";
            if (ctx.Request.HasFormContentType)
            {
                var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
                string? json = form["payload_json"];
                payload = json is null ? null : TryParseObject(json);
                foreach (var file in form.Files)
                {
                    using var stream = file.OpenReadStream();
                    var hash = await SHA256.HashDataAsync(stream, ctx.RequestAborted);
                    files.Add(new ReceivedFile(file.Name, file.FileName, file.ContentType, file.Length, Convert.ToHexString(hash).ToLowerInvariant()));
                }
            }
            else payload = await ReadObjectAsync(ctx);
            if (payload is null) { await Error(ctx, 422, "The report must be a JSON object (or payload_json in multipart)."); return; }
            var p = payload.Value;
            string? target = Str(p, "target_id");
            int type = Int(p, "type"), reason = Int(p, "reason");
            string comment = Str(p, "comment") ?? "";
            if (target is null || !Snowflake.IsMatch(target)) { await Error(ctx, 422, "target_id must be an id."); return; }
            if (type is < 0 or > 2) { await Error(ctx, 422, "type must be 0, 1 or 2."); return; }
            if (reason is < 0 or > 4) { await Error(ctx, 422, "reason must be 0 to 4."); return; }
            if (comment.Length > TomonState.MaxCommentLength) { await Error(ctx, 422, $"comment must be at most {TomonState.MaxCommentLength} characters."); return; }
            var report = new StoredReport(s.NewId(), s.Me.Id, target, type, 0, reason, comment, DateTimeOffset.UtcNow, contentType.Split(';')[0], files);
            lock (s.Gate) s.Reports.Add(report);
            await Write(ctx, 200, new Dictionary<string, object?>
            {
                ["id"] = report.Id, ["user_id"] = report.UserId, ["target_id"] = report.TargetId, ["type"] = report.Type,
                ["state"] = report.State, ["reason"] = report.Reason, ["comment"] = report.Comment, ["updated_at"] = Iso(report.UpdatedAt),
            });
        });

        app.Map("/api/v1/{**rest}", (HttpContext ctx) => Error(ctx, 404, "Not Found"));
    }

    private static void Handle(IEndpointRouteBuilder app, EmulatorHost host, string method, string pattern, string bucket, Func<HttpContext, Task> handler) =>
        app.MapMethods(pattern, new[] { method }, (HttpContext ctx) => Guarded(ctx, host, bucket, () => handler(ctx)));

    private static async Task Guarded(HttpContext ctx, EmulatorHost host, string bucket, Func<Task> handler)
    {
        string auth = ctx.Request.Headers.Authorization.ToString();
        if (!auth.StartsWith("Bearer ", StringComparison.Ordinal) || !host.Tomon.IsSession(auth["Bearer ".Length..]))
        {
            await Error(ctx, 401, "Unauthorized.");
            return;
        }
        EmulatorHost.Record(ctx)?.MarkAuthorized();
        if (await LimitAsync(ctx, host, bucket)) await handler();
    }

    /// <summary>Counts the request; on a 429 writes the reply and returns false. Tomon signals limits with Retry-After only.</summary>
    private static async Task<bool> LimitAsync(HttpContext ctx, EmulatorHost host, string bucket)
    {
        var decision = host.TomonLimiter.Count(ctx.Request.Headers.Authorization.ToString(), bucket, DateTimeOffset.UtcNow);
        if (decision is LimitDecision { Allowed: false } d)
        {
            ctx.Response.Headers.RetryAfter = d.ResetSeconds.ToString(CultureInfo.InvariantCulture);
            await Error(ctx, 429, "You are being rate limited.");
            return false;
        }
        return true;
    }

    private const int MaxNameLength = 32;

    private static bool IsName(string value, bool allowHash) =>
        value.Trim().Length > 0 && value.Length <= MaxNameLength && !value.Any(c => char.IsControl(c) || (!allowHash && c == '#'));

    private static bool IsLevel(JsonElement e) => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int n) && n is >= 0 and <= 3;

    /// <summary>What is wrong with a guild-settings body, or null. Keys other than the four known ones are stored as sent.</summary>
    private static string? GuildSettingsProblem(JsonElement body)
    {
        foreach (var p in body.EnumerateObject())
        {
            switch (p.Name)
            {
                case "mute" or "suppress_everyone" when p.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                    return p.Name + " must be true or false.";
                case "message_notifications" when !IsLevel(p.Value):
                    return "message_notifications must be a whole number from 0 to 3.";
                case "channel_overrides":
                    if (p.Value.ValueKind != JsonValueKind.Array) return "channel_overrides must be an array.";
                    foreach (var o in p.Value.EnumerateArray())
                        if (o.ValueKind != JsonValueKind.Object || Str(o, "channel_id") is not { } id || !Snowflake.IsMatch(id) ||
                            !o.TryGetProperty("message_notifications", out var level) || !IsLevel(level))
                            return "Each channel override needs a channel_id and a message_notifications from 0 to 3.";
                    break;
            }
        }
        return null;
    }

    private static void ApplyGuildSettings(Dictionary<string, object?> stored, JsonElement body)
    {
        foreach (var p in body.EnumerateObject())
        {
            switch (p.Name)
            {
                case "mute": stored["muted"] = p.Value.GetBoolean(); break;
                case "suppress_everyone": stored["suppress_everyone"] = p.Value.GetBoolean(); break;
                case "message_notifications": stored["message_notifications"] = p.Value.GetInt32(); break;
                case "channel_overrides":
                    // Overrides are merged per channel: a channel sent again gets its new level, others stay.
                    var overrides = (List<Dictionary<string, object?>>)stored["channel_overrides"]!;
                    foreach (var o in p.Value.EnumerateArray())
                    {
                        string id = Str(o, "channel_id")!;
                        overrides.RemoveAll(x => (string)x["channel_id"]! == id);
                        overrides.Add(new() { ["channel_id"] = id, ["message_notifications"] = o.GetProperty("message_notifications").GetInt32() });
                    }
                    break;
                default: stored[p.Name] = p.Value.Clone(); break;
            }
        }
    }

    private static List<TomonGuildEntry> Ordered(TomonState s) =>
        s.Guilds.Select((g, i) => (g, i)).OrderBy(x => x.g.Position ?? int.MaxValue).ThenBy(x => x.i).Select(x => x.g).ToList();

    private static object[] GuildsJson(TomonState s) => Ordered(s).Select(g => (object)new Dictionary<string, object?>
    {
        ["id"] = g.Id, ["name"] = g.Name, ["icon"] = null, ["icon_url"] = null, ["background"] = null, ["background_url"] = null,
        ["background_props"] = null, ["description"] = null, ["owner_id"] = g.OwnerId, ["position"] = g.Position,
        ["system_channel_id"] = (long.Parse(g.Id, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture),
        ["system_channel_flags"] = 0, ["default_message_notifications"] = 1, ["joined_at"] = Iso(g.JoinedAt),
        ["created_at"] = null, ["updated_at"] = Iso(g.JoinedAt.AddMilliseconds(26)), ["banned"] = false,
    }).ToArray();

    private static Dictionary<string, object?> UserJson(TomonAccount u, bool profile)
    {
        var json = new Dictionary<string, object?>
        {
            ["id"] = u.Id, ["username"] = u.Username, ["discriminator"] = u.Discriminator, ["avatar"] = null, ["name"] = u.Name ?? u.Username,
            ["avatar_url"] = null, ["created_at"] = null, ["updated_at"] = Iso(u.UpdatedAt), ["type"] = 0,
            // Undocumented, but on every user object the live service sends.
            ["is_bot"] = false, ["deleted"] = false,
        };
        if (profile)
        {
            json["email"] = u.Email;
            json["email_verified"] = u.Email != null;
            json["phone"] = u.Phone;
            json["phone_verified"] = u.Phone != null;
            json["banned"] = false;
            json["activated"] = true;
        }
        return json;
    }

    private static Dictionary<string, object?> ChannelJson(TomonState s, TomonChannelEntry c) => new()
    {
        ["id"] = c.Id, ["type"] = 2, ["created_at"] = Iso(c.CreatedAt), ["updated_at"] = null, ["last_message_id"] = null,
        ["last_pin_timestamp"] = null, ["recipients"] = c.RecipientIds.Select(id => UserJson(s.FindUser(id)!, profile: false)).ToArray(),
        ["ack_message_id"] = null, ["unread_count"] = 0,
    };

    private static Dictionary<string, object?> TicketJson(TomonState s, TomonTicketEntry t) => new()
    {
        ["code"] = t.Code, ["user_id"] = s.Me.Id, ["uses"] = 0, ["max_uses"] = 10, ["users"] = Array.Empty<object>(), ["created_at"] = Iso(t.CreatedAt),
    };

    private static Dictionary<string, object?> PackJson(TomonStampPackEntry p) => new()
    {
        ["id"] = p.Id, ["name"] = p.Name, ["type"] = 0, ["author_id"] = p.AuthorId,
        ["stamps"] = new object[] { new Dictionary<string, object?> { ["id"] = p.Id + "1", ["alias"] = p.Name + "-1" } }, ["updated_at"] = null,
    };

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) ? n : -1;

    private static async Task<JsonElement?> ReadObjectAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        return TryParseObject(await reader.ReadToEndAsync(ctx.RequestAborted));
    }

    private static JsonElement? TryParseObject(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task Error(HttpContext ctx, int status, string message) =>
        Write(ctx, status, new Dictionary<string, object?> { ["message"] = message });

    private static Task Write(HttpContext ctx, int status, object body)
    {
        ctx.Response.StatusCode = status;
        return ctx.Response.WriteAsJsonAsync(body, Json);
    }
}
