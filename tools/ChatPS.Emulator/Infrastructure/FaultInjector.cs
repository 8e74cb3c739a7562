using System;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatPS.Emulator.Infrastructure;

/// <summary>Writes the response a fault rule calls for.</summary>
internal static class FaultInjector
{
    public static async Task ApplyAsync(HttpContext context, FaultRule rule)
    {
        var response = context.Response;
        string seconds = Math.Max(1, Math.Ceiling(rule.Seconds)).ToString(CultureInfo.InvariantCulture);
        switch (rule.Kind)
        {
            case FaultKind.ServerError:
                response.StatusCode = 500;
                await WriteAsync(response, "application/json", "{\"code\":500,\"message\":\"internal server error (injected)\",\"data\":{}}");
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
                response.Headers.RetryAfter = seconds;
                response.Headers["X-Rate-Limit-Limit"] = "1";
                response.Headers["X-Rate-Limit-Remaining"] = "0";
                response.Headers["X-Rate-Limit-Reset"] = seconds;
                response.Headers["X-Rate-Limit-Bucket"] = "injected";
                await WriteAsync(response, "application/json", "{\"code\":429,\"message\":\"too many requests (injected)\",\"data\":{}}");
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
                await WriteAsync(response, "application/json", rule.Body ?? string.Empty);
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

    private static Task WriteAsync(HttpResponse response, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = contentType + "; charset=utf-8";
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes).AsTask();
    }
}
