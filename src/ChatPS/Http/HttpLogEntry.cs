using System;
using System.Globalization;
using System.Text;

namespace ChatPS.Http
{
    /// <summary>
    /// One line of HTTP diagnostics: an attempt that completed or failed, a retry, or a wait for a rate limit.
    /// Built only from the method, the path and response metadata, so it cannot carry the Authorization header.
    /// </summary>
    public sealed class HttpLogEntry
    {
        internal HttpLogEntry(ChatPlatform platform, string method, string pathAndQuery, int? statusCode, TimeSpan elapsed, RateLimitState? rateLimit, int attempt, string? note)
        {
            Platform = platform;
            Method = method;
            PathAndQuery = pathAndQuery;
            StatusCode = statusCode;
            Elapsed = elapsed;
            RateLimit = rateLimit;
            Attempt = attempt;
            Note = note;
        }

        /// <summary>The platform called.</summary>
        public ChatPlatform Platform { get; }

        /// <summary>HTTP method.</summary>
        public string Method { get; }

        /// <summary>Path and query relative to the base URI.</summary>
        public string PathAndQuery { get; }

        /// <summary>HTTP status, or null when no response arrived (or the entry is a wait).</summary>
        public int? StatusCode { get; }

        /// <summary>Elapsed time of the attempt, or the length of a wait.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>Rate-limit state reported by the response, if any.</summary>
        public RateLimitState? RateLimit { get; }

        /// <summary>1 for the first attempt, 2 for the first retry, and so on.</summary>
        public int Attempt { get; }

        /// <summary>What happened besides the status: a retry reason, a wait, a transport failure.</summary>
        public string? Note { get; }

        /// <summary>E.g. <c>KOOK GET user/view?user_id=1 -> 200 in 12 ms (user/view 99/100 remaining, reset 1s)</c>.</summary>
        public override string ToString()
        {
            var sb = new StringBuilder();
            sb.Append(Platform.ToString().ToUpperInvariant()).Append(' ').Append(Method).Append(' ').Append(PathAndQuery);
            if (StatusCode.HasValue) sb.Append(" -> ").Append(StatusCode.Value.ToString(CultureInfo.InvariantCulture));
            sb.Append(" in ").Append(((long)Elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).Append(" ms");
            if (Attempt > 1) sb.Append(" (attempt ").Append(Attempt.ToString(CultureInfo.InvariantCulture)).Append(')');
            if (RateLimit != null && RateLimit.HasData) sb.Append(" [").Append(RateLimit).Append(']');
            if (!string.IsNullOrEmpty(Note)) sb.Append(": ").Append(Note);
            return sb.ToString();
        }
    }
}
