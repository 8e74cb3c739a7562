using System;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using ChatPS.Http;
using ChatPS.Json;

namespace ChatPS.Tomon
{
    /// <summary>
    /// Tomon's wire conventions: plain JSON bodies, errors as a non-2xx status with a body carrying
    /// <c>message</c> (and sometimes <c>code</c>).
    /// </summary>
    internal sealed class TomonProtocol : IApiProtocol
    {
        public ChatPlatform Platform => ChatPlatform.Tomon;

        public string AuthorizationScheme => "Bearer";

        public ApiError ReadError(ApiResponse response)
        {
            var kind = ApiError.KindOfStatus(response.StatusCode);
            // Editing the profile answers 400 only for a taken name or e-mail: that is a conflict, not a malformed request.
            if (response.StatusCode == 400 && response.Request.Method.Method == "PATCH" && response.Request.Path == "users/@me")
                kind = ChatErrorKind.Conflict;

            string? code = null, message = null;
            if (response.Body.Length > 0)
            {
                try
                {
                    using var doc = JsonDocument.Parse(response.Body);
                    var root = doc.RootElement;
                    if (root.ValueKind == JsonValueKind.Object)
                    {
                        if (root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String) message = JsonValues.StringOf(m);
                        if (root.TryGetProperty("code", out var c))
                            code = c.ValueKind == JsonValueKind.Number ? c.GetRawText() : c.ValueKind == JsonValueKind.String ? JsonValues.StringOf(c) : null;
                    }
                }
                catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException)
                {
                    message = "the response is not JSON: \"" + response.Snippet() + "\"";
                }
            }
            return new ApiError(kind, code, message);
        }
    }
}
