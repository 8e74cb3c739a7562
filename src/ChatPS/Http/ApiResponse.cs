using System;
using System.Net.Http.Headers;
using System.Text;

namespace ChatPS.Http
{
    /// <summary>A response as received: status, headers, the whole body, and the rate-limit state it reported.</summary>
    public sealed class ApiResponse
    {
        /// <summary>Creates a response record.</summary>
        public ApiResponse(ApiRequest request, int statusCode, HttpResponseHeaders headers, string? mediaType, byte[] body, RateLimitState rateLimit, int attempts, TimeSpan elapsed)
        {
            Request = request;
            StatusCode = statusCode;
            Headers = headers;
            MediaType = mediaType;
            Body = body;
            RateLimit = rateLimit;
            Attempts = attempts;
            Elapsed = elapsed;
        }

        /// <summary>The request that produced this response.</summary>
        public ApiRequest Request { get; }

        /// <summary>HTTP status code.</summary>
        public int StatusCode { get; }

        /// <summary>Response headers.</summary>
        public HttpResponseHeaders Headers { get; }

        /// <summary>The content type's media type, if any.</summary>
        public string? MediaType { get; }

        /// <summary>The raw body (empty for 204).</summary>
        public byte[] Body { get; }

        /// <summary>Rate-limit state from the headers.</summary>
        public RateLimitState RateLimit { get; }

        /// <summary>How many times the request was sent.</summary>
        public int Attempts { get; }

        /// <summary>Time taken by the last attempt.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>True for 2xx.</summary>
        public bool IsSuccess => StatusCode >= 200 && StatusCode < 300;

        /// <summary>The first <paramref name="max"/> characters of the body as text, for error messages.</summary>
        public string Snippet(int max = 200)
        {
            if (Body.Length == 0) return string.Empty;
            string text = Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, max * 4));
            text = text.Replace('\r', ' ').Replace('\n', ' ').Trim();
            return text.Length > max ? text.Substring(0, max) + "…" : text;
        }
    }
}
