using System;

namespace ChatPS.Http
{
    /// <summary>
    /// Thrown by <c>RateLimiter.AcquireAsync</c> when a bucket opens later than the caller may wait; the pipeline
    /// turns it into a <see cref="ChatApiException"/> of kind <see cref="ChatErrorKind.RateLimited"/>.
    /// </summary>
    internal sealed class RateLimitWaitTooLongException : Exception
    {
        public RateLimitWaitTooLongException(TimeSpan wait, string reason, DateTimeOffset opensAt)
            : base($"The {reason} opens at {opensAt:u}, in {wait.TotalSeconds:0} s.")
        {
            Wait = wait;
            Reason = reason;
            OpensAt = opensAt;
        }

        /// <summary>How long the wait would be.</summary>
        public TimeSpan Wait { get; }

        /// <summary>What is waited for, e.g. <c>rate limit of bucket user/me</c>.</summary>
        public string Reason { get; }

        /// <summary>When the bucket opens.</summary>
        public DateTimeOffset OpensAt { get; }
    }
}
