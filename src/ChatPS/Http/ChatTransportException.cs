using System;
using System.Net.Http;

namespace ChatPS.Http
{
    /// <summary>No usable HTTP response: connection refused or reset, DNS failure, TLS failure, or timeout.</summary>
    public sealed class ChatTransportException : ChatApiException
    {
        /// <summary>Creates the exception.</summary>
        public ChatTransportException(ChatPlatform platform, ChatErrorKind kind, HttpMethod method, string path, string message, int attempts, Exception? innerException)
            : base(platform, kind, method, path, null, null, message, null, attempts, innerException)
        {
        }
    }
}
