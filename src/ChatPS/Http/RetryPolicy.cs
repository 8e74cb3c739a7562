using System;
using System.Threading;

namespace ChatPS.Http
{
    /// <summary>How an attempt ended, as far as retrying is concerned.</summary>
    internal enum AttemptOutcome
    {
        /// <summary>A response arrived; its status decides.</summary>
        Response,

        /// <summary>The connection was refused before anything was sent.</summary>
        NotSent,

        /// <summary>The connection broke after the request may have reached the server.</summary>
        ConnectionLost,

        /// <summary>No response within the timeout.</summary>
        Timeout,
    }

    /// <summary>
    /// The single retry policy. Idempotent methods (GET, PUT, DELETE) retry on connection failures,
    /// timeouts, 5xx and 429. POST and PATCH retry only on 429 and when the request provably never
    /// reached the server, because sending them twice could create two reports or toggle twice.
    /// </summary>
    internal sealed class RetryPolicy
    {
        private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
        private readonly ConnectionOptions _options;
        private int _seed = Environment.TickCount;
        private readonly ThreadLocal<Random> _random;

        public RetryPolicy(ConnectionOptions options)
        {
            _options = options;
            _random = new ThreadLocal<Random>(() => new Random(Interlocked.Increment(ref _seed)));
        }

        /// <summary>True if the attempt may be repeated.</summary>
        public bool ShouldRetry(ApiRequest request, AttemptOutcome outcome, int? statusCode, int attempt)
        {
            if (attempt > _options.MaximumRetryCount) return false;
            switch (outcome)
            {
                case AttemptOutcome.NotSent:
                    return true;
                case AttemptOutcome.ConnectionLost:
                case AttemptOutcome.Timeout:
                    return request.IsIdempotent;
                default:
                    if (statusCode == 429) return true;
                    return statusCode >= 500 && statusCode <= 599 && request.IsIdempotent;
            }
        }

        /// <summary>The wait before retry number <paramref name="attempt"/>: the server's word if it gave one, else exponential back-off with jitter.</summary>
        public TimeSpan Delay(int attempt, RateLimitState? rateLimit)
        {
            if (rateLimit?.ResetAfter is TimeSpan serverSaid) return serverSaid;
            double baseMs = _options.RetryInterval.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
            double jittered = baseMs * (0.5 + _random.Value!.NextDouble());
            return TimeSpan.FromMilliseconds(Math.Min(jittered, MaxBackoff.TotalMilliseconds));
        }
    }
}
