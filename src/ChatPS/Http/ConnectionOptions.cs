using System;
using System.Net;
using System.Net.Http;

namespace ChatPS.Http
{
    /// <summary>
    /// Transport settings shared by both platforms. Names follow Invoke-RestMethod's parameters
    /// (<c>TimeoutSec</c>, <c>MaximumRetryCount</c>, <c>RetryIntervalSec</c>) so the module can map them one to one.
    /// </summary>
    public sealed class ConnectionOptions
    {
        /// <summary>Per-attempt timeout. Default 100 seconds, as Invoke-RestMethod.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>How many times a failed request may be retried when the failure is safe to retry. Default 3.</summary>
        public int MaximumRetryCount { get; set; } = 3;

        /// <summary>Base delay for exponential back-off between retries when the server gives no delay. Default 1 second.</summary>
        public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Upper bound on the total time spent on one call across attempts and waits. Default 5 minutes.</summary>
        public TimeSpan RetryBudget { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>The largest response body read, after decompression, in bytes: <see cref="DefaultMaximumResponseSize"/> by default.</summary>
        /// <remarks>
        /// The largest real reply either service sends is a Tomon list (guilds, stamp packs) of a few hundred kilobytes;
        /// 16 MiB is far above that, and far below what would hurt a PowerShell session (a reply is held whole, then as
        /// objects several times its size). A reply over the cap, such as a decompression bomb or a runaway list, is
        /// not read further: the call fails with <see cref="ChatErrorKind.ResponseTooLarge"/>.
        /// </remarks>
        public long MaximumResponseSize { get; set; } = DefaultMaximumResponseSize;

        /// <summary>16 MiB: see <see cref="MaximumResponseSize"/>.</summary>
        public const long DefaultMaximumResponseSize = 16L * 1024 * 1024;

        /// <summary>Value of the <c>Accept-Language</c> header (e.g. <c>en-US</c>); KOOK localises messages by it.</summary>
        public string? AcceptLanguage { get; set; }

        /// <summary>Proxy to use, or null for the system default.</summary>
        public IWebProxy? Proxy { get; set; }

        /// <summary>Allows sending the token over plain http:// to a host that is not loopback.</summary>
        public bool AllowUnencryptedAuthentication { get; set; }

        /// <summary>Receives every HTTP log line of this connection, in addition to <see cref="HttpDiagnostics"/> listeners.</summary>
        public Action<HttpLogEntry>? Log { get; set; }

        /// <summary>
        /// A handler that answers in process instead of the network. Only the first-call warm-up sets it (it reads
        /// replies from memory to compile the paths a real first reply takes); null, the only value callers outside
        /// this assembly can give, means the real transport.
        /// </summary>
        internal HttpMessageHandler? Transport { get; set; }

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for values that cannot work.</summary>
        public void Validate()
        {
            if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
                throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The timeout must be positive.");
            if (MaximumRetryCount < 0 || MaximumRetryCount > 100)
                throw new ArgumentOutOfRangeException(nameof(MaximumRetryCount), MaximumRetryCount, "The retry count must be between 0 and 100.");
            if (RetryInterval < TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(RetryInterval), RetryInterval, "The retry interval cannot be negative.");
            // A byte[] holds at most 2 GiB; the body is read into one.
            if (MaximumResponseSize < 1024 || MaximumResponseSize > int.MaxValue)
                throw new ArgumentOutOfRangeException(nameof(MaximumResponseSize), MaximumResponseSize, "The maximum response size must be between 1 KiB and 2 GiB.");
            if (RetryBudget <= TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(RetryBudget), RetryBudget, "The retry budget must be positive.");
        }

        /// <summary>A copy, so a connection is not affected by later changes to the options it was built from.</summary>
        public ConnectionOptions Clone() => (ConnectionOptions)MemberwiseClone();
    }
}
