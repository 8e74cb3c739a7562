using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using ChatPS.Emulator.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatPS.Emulator.Kook;

/// <summary>
/// KOOK v3 user endpoints at <c>/api/v3/user/*</c>, laid out as the real host lays them out.
/// Every reply is the <c>{code, message, data}</c> envelope; validation failures and unknown users
/// answer HTTP 200 with <c>code</c> 40000 and <c>data: {}</c>, HTTP-level errors (401, 403, 429, 500) carry
/// <c>data: {name, status}</c>, as KOOK does (see real-world-notes).
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
            var me = new Dictionary<string, object?>
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
                ["nickname"] = bot.Username,
                ["roles"] = Array.Empty<long>(),
            };
            foreach (var field in CurrentFields(bot, online)) me[field.Key] = field.Value;
            return Ok(ctx, me);
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
                // Role ids are numbers on the wire, unlike every other id.
                ["roles"] = member?.Roles ?? Array.Empty<long>(),
            };
            foreach (var field in CurrentFields(user, user.Online)) data[field.Key] = field.Value;
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
            return known ? Error(ctx, 405, 40500, KookMessages.Get(lang, "method"), HttpErrorData(405)) : Error(ctx, 404, 40400, KookMessages.Get(lang, "not_found"), HttpErrorData(404));
        });
    }

    /// <summary>
    /// Fields of KOOK's current official examples and of live user objects that the (pre-2024) field table lacks:
    /// the ones the module types (<c>vip_amp</c>, <c>bot_status</c> as a number, <c>tag_info</c>, <c>is_sys</c>,
    /// <c>verified</c>) and some it keeps as extra properties (<c>nameplate</c>, <c>decorations_id_map</c> — an object
    /// or null —, <c>kpm_vip</c>, <c>wealth_level</c>).
    /// </summary>
    private static IEnumerable<KeyValuePair<string, object?>> CurrentFields(KookAccount user, bool online)
    {
        yield return new("vip_amp", user.IsVip);
        yield return new("bot_status", user.Bot && online ? 1 : 0);
        // The official examples show the bot badge; other users carry the same colours with no text.
        yield return new("tag_info", new Dictionary<string, object?> { ["color"] = "#0096FF", ["bg_color"] = "#0096FF40", ["text"] = user.Bot ? "机器人" : "" });
        yield return new("is_sys", false);
        yield return new("verified", user.Bot);
        yield return new("nameplate", Array.Empty<object>());
        yield return new("decorations_id_map", user.IsVip ? new Dictionary<string, object?> { ["join_voice"] = 10001, ["avatar_border"] = 20002 } : null);
        yield return new("kpm_vip", null);
        yield return new("wealth_level", 0);
    }

    private static Task Handle(HttpContext ctx, EmulatorHost host, string bucket, Func<Task> handler)
    {
        string lang = ctx.Request.Headers.AcceptLanguage.ToString();
        string auth = ctx.Request.Headers.Authorization.ToString();
        string caller = auth == "Bot " + host.Options.KookToken ? "bot" : auth == "Bearer " + host.Options.KookOAuthToken ? "oauth" : string.Empty;
        if (caller.Length == 0)
        {
            ctx.Response.Headers.WWWAuthenticate = "Bot";
            return Error(ctx, 401, 401, KookMessages.Get(lang, "unauthorized"), HttpErrorData(401));
        }
        EmulatorHost.Record(ctx)?.MarkAuthorized();

        // The global limit counts every request of a caller across buckets; hitting it is reported with the flag
        // X-Rate-Limit-Global (no value) on top of the usual headers, and the bucket is not counted.
        var now = DateTimeOffset.UtcNow;
        var global = host.KookGlobalLimiter.Count(caller, "*", now);
        if (global is LimitDecision { Allowed: false } g)
        {
            ctx.Response.Headers["X-Rate-Limit-Global"] = string.Empty;
            return RateLimited(ctx, host, bucket, g);
        }
        var decision = host.KookLimiter.Count(caller, bucket, now);
        if (decision is LimitDecision d)
        {
            if (!d.Allowed) return RateLimited(ctx, host, bucket, d);
            WriteLimitHeaders(ctx, bucket, d);
        }
        return handler();
    }

    /// <summary>
    /// KOOK's <c>X-Rate-Limit-*</c> headers. <c>Reset</c> is whole seconds to wait, relative (not an epoch): 0 while
    /// the bucket has room, the rounded-up time to the window's end once it has none.
    /// </summary>
    private static void WriteLimitHeaders(HttpContext ctx, string bucket, LimitDecision d)
    {
        var headers = ctx.Response.Headers;
        headers["X-Rate-Limit-Limit"] = d.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-Rate-Limit-Remaining"] = d.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-Rate-Limit-Reset"] = d.ResetSeconds.ToString(CultureInfo.InvariantCulture);
        headers["X-Rate-Limit-Bucket"] = bucket;
    }

    /// <summary>
    /// A 429 as KOOK sends it: the same envelope and headers as any HTTP-level error, and no <c>Retry-After</c>
    /// (no live reply carries one) unless <see cref="EmulatorOptions.SendRetryAfter"/> asks for it.
    /// </summary>
    private static Task RateLimited(HttpContext ctx, EmulatorHost host, string bucket, LimitDecision d)
    {
        WriteLimitHeaders(ctx, bucket, d);
        if (host.Options.SendRetryAfter) ctx.Response.Headers.RetryAfter = d.ResetSeconds.ToString(CultureInfo.InvariantCulture);
        return Error(ctx, 429, 429, KookMessages.Get(ctx.Request.Headers.AcceptLanguage.ToString(), "rate"), HttpErrorData(429));
    }

    /// <summary>The <c>data</c> of an HTTP-level error: <c>{name, status}</c>, e.g. <c>{"name":"Unauthorized","status":401}</c>.</summary>
    internal static Dictionary<string, object?> HttpErrorData(int status) => new()
    {
        ["name"] = ReasonPhrases.GetReasonPhrase(status),
        ["status"] = status,
    };

    private static Task Ok(HttpContext ctx, object data) =>
        Write(ctx, 200, new Dictionary<string, object?> { ["code"] = 0, ["message"] = KookMessages.Get(ctx.Request.Headers.AcceptLanguage.ToString(), "ok"), ["data"] = data });

    /// <summary>
    /// An error in the envelope. Business errors (HTTP 200, code 40000) carry <c>data: {}</c>; HTTP-level errors pass
    /// <see cref="HttpErrorData"/>. <c>data</c> is only the documented payload when <c>code</c> is 0.
    /// </summary>
    private static Task Error(HttpContext ctx, int status, int code, string message, object? data = null) =>
        Write(ctx, status, new Dictionary<string, object?> { ["code"] = code, ["message"] = message, ["data"] = data ?? new Dictionary<string, object?>() });

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
