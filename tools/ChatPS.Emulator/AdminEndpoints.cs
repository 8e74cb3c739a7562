using System;
using System.Linq;
using ChatPS.Emulator.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatPS.Emulator;

/// <summary>
/// Inspection and control under <c>/_emulator</c> (no auth, loopback only): the request log, the
/// connection count, the fault plan and rate limits, for tests and for users exploring the module.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorHost host)
    {
        var admin = app.MapGroup("/_emulator");

        admin.MapGet("/requests", (string? path) =>
            Results.Json(path is null ? host.Requests.Snapshot() : host.Requests.Matching(path)));
        admin.MapDelete("/requests", () =>
        {
            host.Requests.Clear();
            return Results.NoContent();
        });

        admin.MapGet("/stats", () => Results.Json(new
        {
            connections_accepted = host.ConnectionsAccepted,
            requests = host.Requests.Count,
            requests_received = host.Requests.Received,
            kook_rate_limited = host.KookLimiter.Rejected,
            tomon_rate_limited = host.TomonLimiter.Rejected,
        }));

        admin.MapGet("/faults", () => Results.Json(host.Faults.Snapshot()));
        admin.MapPost("/faults", (FaultRule rule) =>
        {
            try
            {
                host.Faults.Add(rule);
                return Results.Created("/_emulator/faults", rule);
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { message = ex.Message });
            }
        });
        admin.MapDelete("/faults", () =>
        {
            host.Faults.Clear();
            return Results.NoContent();
        });

        admin.MapGet("/rate-limits", () => Results.Json(new
        {
            @default = host.Options.DefaultRateLimit,
            buckets = host.Options.RateLimits.ToDictionary(p => p.Key, p => p.Value),
        }));
        admin.MapPut("/rate-limits/{**bucket}", (string bucket, RateLimitBody body) =>
        {
            if (body.Limit < 0 || body.WindowSeconds <= 0) return Results.BadRequest(new { message = "limit must be >= 0 and window_seconds > 0" });
            var rule = new RateLimitRule(body.Limit, TimeSpan.FromSeconds(body.WindowSeconds));
            if (bucket == "*") host.Options.DefaultRateLimit = rule; else host.Options.RateLimits[bucket] = rule;
            host.KookLimiter.Clear();
            return Results.Json(rule);
        });

        admin.MapGet("/reports", () => Results.Json(host.Tomon.ReportsSnapshot()));

        admin.MapPost("/reset", () =>
        {
            host.ResetDiagnostics();
            return Results.NoContent();
        });
    }

    /// <summary>Body of <c>PUT /_emulator/rate-limits/{bucket}</c>.</summary>
    internal sealed record RateLimitBody(int Limit, double WindowSeconds);
}
