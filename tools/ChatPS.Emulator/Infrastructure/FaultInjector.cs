using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatPS.Emulator.Kook;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatPS.Emulator.Infrastructure;

/// <summary>Writes the response a fault rule calls for.</summary>
internal static class FaultInjector
{
    /// <summary>Writes the fault; <paramref name="sendRetryAfter"/> adds <c>Retry-After</c> to a KOOK-style 429 (KOOK sends none).</summary>
    public static async Task ApplyAsync(HttpContext context, FaultRule rule, bool sendRetryAfter)
    {
        var response = context.Response;
        string seconds = Math.Max(1, Math.Ceiling(rule.Seconds)).ToString(CultureInfo.InvariantCulture);
        string lang = context.Request.Headers.AcceptLanguage.ToString();
        bool tomon = IsTomon(context);
        switch (rule.Kind)
        {
            case FaultKind.ServerError:
                response.StatusCode = 500;
                await WriteErrorAsync(response, tomon, 500, KookMessages.Get(lang, "server_error"));
                break;
            case FaultKind.Forbidden:
                response.StatusCode = 403;
                await WriteErrorAsync(response, tomon, 403, tomon ? "Missing Permissions" : KookMessages.Get(lang, "forbidden"));
                break;
            case FaultKind.BadGatewayHtml:
                response.StatusCode = 502;
                await WriteAsync(response, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>");
                break;
            case FaultKind.Unavailable:
                response.StatusCode = 503;
                response.Headers.RetryAfter = seconds;
                await WriteAsync(response, "application/json", "{\"code\":503,\"message\":\"service unavailable (injected)\",\"data\":{}}");
                break;
            case FaultKind.RateLimited:
                response.StatusCode = 429;
                if (tomon)
                {
                    // Nothing is known about Tomon's throttling; a bare Retry-After is the plain HTTP way.
                    response.Headers.RetryAfter = seconds;
                    await WriteErrorAsync(response, tomon, 429, "You are being rate limited.");
                    break;
                }
                // As KOOK sends it: the envelope and the X-Rate-Limit-* headers, no Retry-After unless asked for.
                if (sendRetryAfter) response.Headers.RetryAfter = seconds;
                response.Headers["X-Rate-Limit-Limit"] = "1";
                response.Headers["X-Rate-Limit-Remaining"] = "0";
                response.Headers["X-Rate-Limit-Reset"] = seconds;
                // The bucket of the path, as KOOK names it (user/view …), so clients keep one bucket per path.
                response.Headers["X-Rate-Limit-Bucket"] = (context.Request.Path.Value ?? string.Empty).Replace("/api/v3/", string.Empty, StringComparison.Ordinal).Trim('/');
                await WriteErrorAsync(response, tomon, 429, KookMessages.Get(lang, "rate"));
                break;
            case FaultKind.ConnectionReset:
                response.StatusCode = 200;
                response.ContentType = "application/json";
                response.ContentLength = 200;
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"code\":0,\"message\":\"ok\",\"data\":{\"id\":"));
                await response.Body.FlushAsync();
                context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
                context.Abort();
                break;
            case FaultKind.TruncatedJson:
                response.StatusCode = 200;
                await WriteAsync(response, "application/json", "{\"code\":0,\"message\":\"ok\",\"data\":{\"id\":\"1\",\"userna");
                break;
            case FaultKind.Redirect:
                response.StatusCode = 307;
                response.Headers.Location = rule.Location ?? "/";
                break;
            case FaultKind.Reply:
                response.StatusCode = rule.Status;
                AddHeaders(response, rule);
                await WriteBytesAsync(response, rule.ContentType ?? "application/json; charset=utf-8", BodyOf(rule));
                break;
            case FaultKind.GzipBomb:
                response.StatusCode = 200;
                response.ContentType = "application/json; charset=utf-8";
                response.Headers.ContentEncoding = "gzip";
                await response.Body.WriteAsync(GzipBomb.Of(rule.Size), context.RequestAborted);
                break;
            case FaultKind.Trickle:
                response.StatusCode = rule.Status;
                AddHeaders(response, rule);
                var bytes = BodyOf(rule);
                response.ContentType = rule.ContentType ?? "application/json; charset=utf-8";
                response.ContentLength = bytes.Length;
                try
                {
                    foreach (byte b in bytes)
                    {
                        await response.Body.WriteAsync(new[] { b }, context.RequestAborted);
                        await response.Body.FlushAsync(context.RequestAborted);
                        await Task.Delay(TimeSpan.FromSeconds(rule.Seconds), context.RequestAborted);
                    }
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, which is what a trickle is for.
                }
                break;
            case FaultKind.Stall:
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(rule.Seconds), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                response.StatusCode = 504;
                await WriteAsync(response, "application/json", "{\"code\":504,\"message\":\"stalled (injected)\",\"data\":{}}");
                break;
        }
    }

    private static byte[] BodyOf(FaultRule rule) =>
        rule.BodyBase64 != null ? Convert.FromBase64String(rule.BodyBase64) : Encoding.UTF8.GetBytes(rule.Body ?? string.Empty);

    private static void AddHeaders(HttpResponse response, FaultRule rule)
    {
        if (rule.Headers is null) return;
        foreach (var (name, value) in rule.Headers) response.Headers[name] = value;
    }

    private static Task WriteBytesAsync(HttpResponse response, string contentType, byte[] bytes)
    {
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes).AsTask();
    }

    private static bool IsTomon(HttpContext context) => context.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase);

    /// <summary>An HTTP-level error as the platform sends it: KOOK's envelope with <c>data: {name, status}</c>, or Tomon's <c>{message}</c>.</summary>
    private static Task WriteErrorAsync(HttpResponse response, bool tomon, int status, string message)
    {
        object body = tomon
            ? new Dictionary<string, object?> { ["message"] = message }
            : new Dictionary<string, object?> { ["code"] = status, ["message"] = message, ["data"] = KookEndpoints.HttpErrorData(status) };
        return WriteAsync(response, "application/json", JsonSerializer.Serialize(body, Json));
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Task WriteAsync(HttpResponse response, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = contentType + "; charset=utf-8";
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes).AsTask();
    }
}
