using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using ChatPS.Emulator.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatPS.Emulator.Kook;

/// <summary>
/// KOOK v3 user endpoints at <c>/api/v3/user/*</c>, laid out as the real host lays them out.
/// Every reply is the <c>{code, message, data}</c> envelope; validation failures and unknown users
/// answer HTTP 200 with <c>code</c> 40000, as KOOK does.
/// </summary>
internal static class KookEndpoints
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(IEndpointRouteBuilder app, EmulatorHost host)
    {
        var state = host.Kook;
        app.MapGet("/api/v3/user/me", (HttpContext ctx) => Handle(ctx, host, "user/me", () =>
        {
            var bot = state.Bot;
            var (online, _) = state.OnlineStatus;
            return Ok(ctx, new Dictionary<string, object?>
            {
                ["id"] = bot.Id,
                ["username"] = bot.Username,
                ["identify_num"] = bot.IdentifyNum,
                ["online"] = online,
                ["os"] = "Webhook",
                ["status"] = bot.Status,
                ["avatar"] = bot.Avatar,
                ["banner"] = "https://img.kookapp.cn/assets/emulator/banner.png",
                ["bot"] = true,
                ["mobile_verified"] = true,
                ["client_id"] = state.ClientId,
                ["mobile_prefix"] = "86",
                ["mobile"] = "110****2333",
                ["invited_count"] = 0,
            });
        }));

        app.MapGet("/api/v3/user/view", (HttpContext ctx) => Handle(ctx, host, "user/view", () =>
        {
            string lang = ctx.Request.Headers.AcceptLanguage.ToString();
            string? userId = ctx.Request.Query["user_id"];
            string? guildId = ctx.Request.Query["guild_id"];
            if (string.IsNullOrWhiteSpace(userId)) return Error(ctx, 200, 40000, KookMessages.Get(lang, "user_id"));
            // Echoes the offending value, as many real services do; clients must not assume messages are free of secrets.
            if (!IsId(userId)) return Error(ctx, 200, 40000, KookMessages.Get(lang, "bad_id") + ": user_id=" + userId);
            if (guildId != null && !IsId(guildId)) return Error(ctx, 200, 40000, KookMessages.Get(lang, "bad_id") + ": guild_id=" + guildId);
            if (guildId != null && !state.GuildExists(guildId)) return Error(ctx, 200, 40000, KookMessages.Get(lang, "no_guild"));
            if (!state.TryGetUser(userId, out var user)) return Error(ctx, 200, 40000, KookMessages.Get(lang, "no_user"));
            var member = guildId is null ? null : state.Member(guildId, userId);
            var data = new Dictionary<string, object?>
            {
                ["id"] = user.Id,
                ["username"] = user.Username,
                ["identify_num"] = user.IdentifyNum,
                ["online"] = user.Online,
                ["status"] = user.Status,
                ["bot"] = user.Bot,
                ["avatar"] = user.Avatar,
                ["vip_avatar"] = user.IsVip ? user.Avatar.Replace(".png", ".gif", StringComparison.Ordinal) : user.Avatar,
                ["is_vip"] = user.IsVip,
                ["mobile_verified"] = user.MobileVerified,
                ["roles"] = member?.Roles ?? Array.Empty<long>(),
                // Not in the documented field table; real replies carry extra fields like this one.
                ["tag_info"] = new Dictionary<string, object?> { ["color"] = "#0096FF", ["text"] = user.Bot ? "BOT" : "" },
            };
            if (guildId != null)
            {
                data["nickname"] = member?.Nickname ?? user.Username;
                data["joined_at"] = member?.JoinedAt ?? 0;
                data["active_time"] = member?.ActiveTime ?? 0;
            }
            return Ok(ctx, data);
        }));

        app.MapPost("/api/v3/user/online", (HttpContext ctx) => Handle(ctx, host, "user/online", () =>
        {
            state.SetOnline(true);
            return Ok(ctx, new Dictionary<string, object?>());
        }));

        app.MapPost("/api/v3/user/offline", (HttpContext ctx) => Handle(ctx, host, "user/offline", () =>
        {
            state.SetOnline(false);
            return Ok(ctx, new Dictionary<string, object?>());
        }));

        app.MapGet("/api/v3/user/get-online-status", (HttpContext ctx) => Handle(ctx, host, "user/get-online-status", () =>
        {
            var (online, os) = state.OnlineStatus;
            return Ok(ctx, new Dictionary<string, object?> { ["online"] = online, ["online_os"] = os });
        }));

        // Known paths with the wrong method, and unknown paths, still answer in the envelope.
        app.Map("/api/v3/{**rest}", (HttpContext ctx) =>
        {
            string lang = ctx.Request.Headers.AcceptLanguage.ToString();
            bool known = ctx.Request.Path.Value is "/api/v3/user/me" or "/api/v3/user/view" or "/api/v3/user/online" or "/api/v3/user/offline" or "/api/v3/user/get-online-status";
            return known ? Error(ctx, 405, 40500, KookMessages.Get(lang, "method")) : Error(ctx, 404, 40400, KookMessages.Get(lang, "not_found"));
        });
    }

    private static Task Handle(HttpContext ctx, EmulatorHost host, string bucket, Func<Task> handler)
    {
        string lang = ctx.Request.Headers.AcceptLanguage.ToString();
        string auth = ctx.Request.Headers.Authorization.ToString();
        string caller = auth == "Bot " + host.Options.KookToken ? "bot" : auth == "Bearer " + host.Options.KookOAuthToken ? "oauth" : string.Empty;
        if (caller.Length == 0)
        {
            ctx.Response.Headers.WWWAuthenticate = "Bot";
            return Error(ctx, 401, 401, KookMessages.Get(lang, "unauthorized"), new Dictionary<string, object?> { ["name"] = "Unauthorized", ["status"] = 401 });
        }
        EmulatorHost.Record(ctx)?.MarkAuthorized();

        var decision = host.KookLimiter.Count(caller, bucket, DateTimeOffset.UtcNow);
        if (decision is LimitDecision d)
        {
            var headers = ctx.Response.Headers;
            headers["X-Rate-Limit-Limit"] = d.Limit.ToString(CultureInfo.InvariantCulture);
            headers["X-Rate-Limit-Remaining"] = d.Remaining.ToString(CultureInfo.InvariantCulture);
            headers["X-Rate-Limit-Reset"] = d.ResetSeconds.ToString(CultureInfo.InvariantCulture);
            headers["X-Rate-Limit-Bucket"] = bucket;
            if (!d.Allowed)
            {
                headers.RetryAfter = d.ResetSeconds.ToString(CultureInfo.InvariantCulture);
                return Error(ctx, 429, 429, KookMessages.Get(lang, "rate"));
            }
        }
        return handler();
    }

    private static Task Ok(HttpContext ctx, object data) =>
        Write(ctx, 200, new Dictionary<string, object?> { ["code"] = 0, ["message"] = KookMessages.Get(ctx.Request.Headers.AcceptLanguage.ToString(), "ok"), ["data"] = data });

    private static Task Error(HttpContext ctx, int status, int code, string message, object? data = null) =>
        Write(ctx, status, new Dictionary<string, object?> { ["code"] = code, ["message"] = message, ["data"] = data ?? Array.Empty<object>() });

    private static Task Write(HttpContext ctx, int status, object body)
    {
        ctx.Response.StatusCode = status;
        return ctx.Response.WriteAsJsonAsync(body, Json);
    }

    private static bool IsId(string value)
    {
        if (value.Length == 0 || value.Length > 20) return false;
        foreach (char c in value)
            if (c < '0' || c > '9') return false;
        return true;
    }
}
