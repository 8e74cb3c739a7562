using System;
using System.Net.Http;

namespace ChatPS.Http
{
    /// <summary>
    /// The server answered with something that is not the JSON the API promises: an HTML error page
    /// from a gateway, a truncated body, or a payload of the wrong shape. <see cref="BodySnippet"/>
    /// shows the start of what arrived.
    /// </summary>
    public sealed class ChatResponseFormatException : ChatApiException
    {
        /// <summary>Creates the exception with the first characters of the body.</summary>
        public ChatResponseFormatException(ChatPlatform platform, HttpMethod method, string path, int? statusCode, string bodySnippet, int attempts = 1, Exception? innerException = null)
            : base(platform, ChatErrorKind.InvalidResponse, method, path, statusCode, null,
                   "the response is not valid JSON" + (string.IsNullOrEmpty(bodySnippet) ? " (empty body)" : ": \"" + bodySnippet + "\""),
                   null, attempts, innerException)
        {
            BodySnippet = bodySnippet;
        }

        /// <summary>The start of the body that could not be read (at most 200 characters, secrets removed).</summary>
        public string BodySnippet { get; }
    }
}
