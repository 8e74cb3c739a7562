using System;
using System.Globalization;
using System.Net.Http.Headers;

namespace ChatPS.Http
{
    /// <summary>
    /// The rate-limit state a server reported on one response (KOOK's <c>X-Rate-Limit-*</c> headers,
    /// or <c>Retry-After</c> on a 429 from either platform).
    /// </summary>
    public sealed class RateLimitState
    {
        /// <summary>Creates a state snapshot.</summary>
        public RateLimitState(string? bucket, int? limit, int? remaining, TimeSpan? resetAfter, bool isGlobal, DateTimeOffset observedAt)
        {
            Bucket = bucket;
            Limit = limit;
            Remaining = remaining;
            ResetAfter = resetAfter;
            IsGlobal = isGlobal;
            ObservedAt = observedAt;
        }

        /// <summary>The server's bucket name (<c>X-Rate-Limit-Bucket</c>), e.g. <c>user/view</c>.</summary>
        public string? Bucket { get; }

        /// <summary>Requests allowed per window (<c>X-Rate-Limit-Limit</c>).</summary>
        public int? Limit { get; }

        /// <summary>Requests left in the current window (<c>X-Rate-Limit-Remaining</c>).</summary>
        public int? Remaining { get; }

        /// <summary>Time until the bucket refills (<c>X-Rate-Limit-Reset</c> seconds, or <c>Retry-After</c>).</summary>
        public TimeSpan? ResetAfter { get; }

        /// <summary>True when the server reported the global limit (<c>X-Rate-Limit-Global</c>).</summary>
        public bool IsGlobal { get; }

        /// <summary>When the response carrying this state was received.</summary>
        public DateTimeOffset ObservedAt { get; }

        /// <summary>When the bucket refills, if the server said.</summary>
        public DateTimeOffset? ResetAt => ResetAfter is null ? (DateTimeOffset?)null : ObservedAt + ResetAfter.Value;

        /// <summary>True when any rate-limit information was present.</summary>
        public bool HasData => Limit.HasValue || Remaining.HasValue || ResetAfter.HasValue || Bucket != null || IsGlobal;

        /// <summary>Reads the KOOK headers and <c>Retry-After</c>; returns a state whose <see cref="HasData"/> is false if none were sent.</summary>
        public static RateLimitState FromHeaders(HttpResponseHeaders headers, DateTimeOffset observedAt)
        {
            if (headers is null) throw new ArgumentNullException(nameof(headers));
            string? bucket = First(headers, "X-Rate-Limit-Bucket");
            int? limit = ParseInt(First(headers, "X-Rate-Limit-Limit"));
            int? remaining = ParseInt(First(headers, "X-Rate-Limit-Remaining"));
            TimeSpan? reset = ParseSeconds(First(headers, "X-Rate-Limit-Reset"));
            bool global = headers.Contains("X-Rate-Limit-Global");
            if (reset is null && headers.RetryAfter is RetryConditionHeaderValue retryAfter)
            {
                if (retryAfter.Delta is TimeSpan delta) reset = delta;
                else if (retryAfter.Date is DateTimeOffset date) reset = date - observedAt < TimeSpan.Zero ? TimeSpan.Zero : date - observedAt;
            }
            return new RateLimitState(bucket, limit, remaining, reset, global, observedAt);
        }

        /// <summary>A short human-readable form for verbose logs, e.g. <c>user/view 99/100, reset 1s</c>.</summary>
        public override string ToString()
        {
            if (!HasData) return "no rate-limit data";
            string name = IsGlobal ? "global" : Bucket ?? "bucket";
            string counts = Remaining.HasValue && Limit.HasValue
                ? string.Format(CultureInfo.InvariantCulture, "{0}/{1}", Remaining, Limit)
                : Remaining?.ToString(CultureInfo.InvariantCulture) ?? "?";
            string reset = ResetAfter.HasValue
                ? string.Format(CultureInfo.InvariantCulture, ", reset {0:0.###}s", ResetAfter.Value.TotalSeconds)
                : string.Empty;
            return name + " " + counts + " remaining" + reset;
        }

        private static string? First(HttpResponseHeaders headers, string name)
        {
            if (!headers.TryGetValues(name, out var values)) return null;
            foreach (var v in values) return v.Trim();
            return null;
        }

        private static int? ParseInt(string? value) =>
            int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 0 ? n : (int?)null;

        private static TimeSpan? ParseSeconds(string? value) =>
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && s >= 0 && s < 86400
                ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
    }
}
