using System;
using System.Globalization;
using System.Text.Json;
using ChatPS.Http;
using ChatPS.Json;

namespace ChatPS.Kook
{
    /// <summary>
    /// KOOK's wire conventions: every reply is <c>{code, message, data}</c>, and <c>code != 0</c> is an
    /// error even when the HTTP status is 200. Codes are the HTTP status followed by two digits
    /// (40000, 40100, 40300…), or a bare status (401) on some gateway errors.
    /// </summary>
    internal sealed class KookProtocol : IApiProtocol
    {
        public KookProtocol(KookTokenType tokenType) => AuthorizationScheme = tokenType == KookTokenType.Bearer ? "Bearer" : "Bot";

        public ChatPlatform Platform => ChatPlatform.Kook;

        public string AuthorizationScheme { get; }

        public ApiError ReadError(ApiResponse response)
        {
            var kind = ApiError.KindOfStatus(response.StatusCode);
            if (TryReadEnvelope(response.Body, out long code, out string? message))
            {
                var codeKind = code != 0 ? KindOfCode(code) : ChatErrorKind.Unknown;
                return new ApiError(codeKind == ChatErrorKind.Unknown ? kind : codeKind,
                    code != 0 ? code.ToString(CultureInfo.InvariantCulture) : null, message);
            }
            string snippet = response.Snippet();
            return new ApiError(kind, null, snippet.Length == 0 ? null : "the response is not a KOOK JSON reply: \"" + snippet + "\"");
        }

        /// <summary>Maps a KOOK code to a kind: 40000 → invalid argument, 401xx → authentication, 403xx → permission, and so on.</summary>
        public static ChatErrorKind KindOfCode(long code)
        {
            long status = code >= 10000 ? code / 100 : code;
            return status >= 100 && status <= 599 ? ApiError.KindOfStatus((int)status) : ChatErrorKind.Unknown;
        }

        private static bool TryReadEnvelope(byte[] body, out long code, out string? message)
        {
            code = 0;
            message = null;
            if (body.Length == 0) return false;
            try
            {
                using var doc = JsonDocument.Parse(body);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var codeElement)) return false;
                if (!TryGetCode(codeElement, out code)) return false;
                if (root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String) message = JsonValues.StringOf(m);
                return true;
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException)
            {
                return false;
            }
        }

        internal static bool TryGetCode(JsonElement element, out long code)
        {
            code = 0;
            return element.ValueKind switch
            {
                JsonValueKind.Number => element.TryGetInt64(out code),
                JsonValueKind.String => long.TryParse(JsonValues.StringOf(element), NumberStyles.Integer, CultureInfo.InvariantCulture, out code),
                _ => false,
            };
        }
    }
}
