using System;
using System.Globalization;
using System.Net.Http;
using System.Text;

namespace ChatPS.Http
{
    /// <summary>
    /// A failed call to a chat platform. Carries what a script needs to decide what to do:
    /// the platform, the request, the HTTP status, the platform's own error code and message,
    /// and the rate-limit state at the time. Messages never contain a token.
    /// </summary>
    public class ChatApiException : Exception
    {
        /// <summary>Creates an exception for a failed call.</summary>
        public ChatApiException(
            ChatPlatform platform,
            ChatErrorKind kind,
            HttpMethod method,
            string path,
            int? statusCode,
            string? apiCode,
            string? apiMessage,
            RateLimitState? rateLimit = null,
            int attempts = 1,
            Exception? innerException = null)
            : base(Compose(platform, kind, method, path, statusCode, apiCode, Shorten(apiMessage), attempts), innerException)
        {
            Platform = platform;
            Kind = kind;
            Method = method ?? throw new ArgumentNullException(nameof(method));
            Path = path ?? string.Empty;
            StatusCode = statusCode;
            ApiCode = Shorten(apiCode, 100);
            ApiMessage = Shorten(apiMessage);
            RateLimit = rateLimit;
            Attempts = attempts;
        }

        /// <summary>The platform that answered (or failed to).</summary>
        public ChatPlatform Platform { get; }

        /// <summary>The classification used for PowerShell error categories.</summary>
        public ChatErrorKind Kind { get; }

        /// <summary>HTTP method of the failed request.</summary>
        public HttpMethod Method { get; }

        /// <summary>Path of the failed request relative to the base URI, without the query string.</summary>
        public string Path { get; }

        /// <summary>HTTP status, or null if no response arrived.</summary>
        public int? StatusCode { get; }

        /// <summary>The platform's error code (KOOK's <c>code</c>, Tomon's <c>code</c> when present).</summary>
        public string? ApiCode { get; }

        /// <summary>The platform's error message, with any secret removed, shortened to <see cref="MaximumMessageLength"/> characters.</summary>
        public string? ApiMessage { get; }

        /// <summary>Rate-limit state reported on the failing response, if any.</summary>
        public RateLimitState? RateLimit { get; }

        /// <summary>How many times the request was sent (1 when it was not retried).</summary>
        public int Attempts { get; }

        /// <summary>
        /// A stable identifier for this failure: <c>ChatPS.Kook.40000</c> for a KOOK error code (KOOK's codes
        /// are its error vocabulary, and often arrive with HTTP 200), <c>ChatPS.Tomon.Http422</c> for an HTTP
        /// status (Tomon's vocabulary; its optional body codes are in <see cref="ApiCode"/>), or
        /// <c>ChatPS.Kook.Timeout</c> / <c>.Connection</c> / <c>.InvalidResponse</c> / <c>.ResponseTooLarge</c> when no status
        /// applies (or, for the last two, whatever the status was), and <c>ChatPS.Kook.RateLimited</c> for a call refused
        /// before it was sent because the rate limit opens after the retry budget. Failures of the network between (a
        /// proxy, TLS) have their own platform-free ids.
        /// </summary>
        public virtual string ErrorId
        {
            get
            {
                string prefix = "ChatPS." + Platform.ToString() + ".";
                if (Platform == ChatPlatform.Kook && !string.IsNullOrEmpty(ApiCode)) return prefix + ApiCode;
                if (Kind == ChatErrorKind.InvalidResponse || Kind == ChatErrorKind.ResponseTooLarge) return prefix + Kind.ToString();
                if (StatusCode.HasValue) return prefix + "Http" + StatusCode.Value.ToString(CultureInfo.InvariantCulture);
                return prefix + Kind.ToString();
            }
        }

        /// <summary>
        /// The most of a service's message kept, in characters: a service (or a gateway in front of it) can send a
        /// message of megabytes, and an error record holding it would flood a log and the session's memory.
        /// </summary>
        public const int MaximumMessageLength = 1000;

        /// <summary><paramref name="text"/> cut to <paramref name="max"/> characters with an ellipsis, or as it is.</summary>
        internal static string? Shorten(string? text, int max = MaximumMessageLength)
        {
            if (text is null || text.Length <= max) return text;
            // Never split a surrogate pair: half of one is not text.
            int cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
            return text.Substring(0, cut) + "\u2026 (" + text.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
        }

        private static string Compose(ChatPlatform platform, ChatErrorKind kind, HttpMethod method, string path, int? status, string? code, string? message, int attempts)
        {
            var sb = new StringBuilder();
            sb.Append(platform).Append(' ').Append(method?.Method).Append(' ').Append(path).Append(" failed");
            if (status.HasValue) sb.Append(" with HTTP ").Append(status.Value.ToString(CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(code)) sb.Append(" (code ").Append(code).Append(')');
            if (!status.HasValue && string.IsNullOrEmpty(code)) sb.Append(" (").Append(Describe(kind)).Append(')');
            if (!string.IsNullOrEmpty(message)) sb.Append(": ").Append(WithoutFullStop(message!));
            else if (status.HasValue) sb.Append(": ").Append(Describe(kind));
            if (attempts > 1) sb.Append(" after ").Append(attempts.ToString(CultureInfo.InvariantCulture)).Append(" attempts");
            if (!EndsSentence(sb)) sb.Append('.');
            return sb.ToString();
        }

        // The service's own full stop would double ours; an ellipsis ("...") is the service's words and stays.
        private static string WithoutFullStop(string message) =>
            message.EndsWith(".", StringComparison.Ordinal) && !message.EndsWith("..", StringComparison.Ordinal)
                ? message.Substring(0, message.Length - 1)
                : message;

        private static bool EndsSentence(StringBuilder text)
        {
            if (text.Length == 0) return false;
            char last = text[text.Length - 1];
            return last == '.' || last == '!' || last == '?' || last == '\u2026' || last == '\u3002' || last == '\uFF01' || last == '\uFF1F';
        }

        private static string Describe(ChatErrorKind kind) => kind switch
        {
            ChatErrorKind.Authentication => "authentication failed",
            ChatErrorKind.PermissionDenied => "permission denied",
            ChatErrorKind.NotFound => "not found",
            ChatErrorKind.InvalidArgument => "invalid request",
            ChatErrorKind.Conflict => "conflict",
            ChatErrorKind.RateLimited => "rate limited",
            ChatErrorKind.ServerError => "server error",
            ChatErrorKind.InvalidResponse => "the response could not be read",
            ChatErrorKind.ResponseTooLarge => "the response is too large",
            ChatErrorKind.Connection => "connection failed",
            ChatErrorKind.Timeout => "timed out",
            ChatErrorKind.ProxyAuthentication => "proxy authentication required",
            ChatErrorKind.Security => "TLS failed",
            _ => "error",
        };
    }
}
