using System;
using System.Net.Http;

namespace ChatPS.Http
{
    /// <summary>
    /// The TLS handshake with the service failed: its certificate was not trusted for the host (an unknown issuer, an
    /// expired certificate, another host's name), or no protocol was agreed. ChatPS never skips the check; a
    /// certificate from a private CA (or a TLS-inspecting proxy) is trusted by adding that CA to the machine's roots.
    /// </summary>
    public sealed class ChatTlsException : ChatApiException
    {
        /// <summary>The error id of a refused certificate.</summary>
        public const string CertificateId = "ChatPS.CertificateUntrusted";

        /// <summary>The error id of another handshake failure.</summary>
        public const string HandshakeId = "ChatPS.TlsHandshakeFailed";

        /// <summary>Creates the exception.</summary>
        /// <param name="platform">The platform the request was for.</param>
        /// <param name="method">The request's method.</param>
        /// <param name="path">The request's path.</param>
        /// <param name="host">The host (and port) the handshake was with.</param>
        /// <param name="certificateRefused">True when the server's certificate was refused; false for another handshake failure.</param>
        /// <param name="detail">The runtime's reason, e.g. <c>... errors in the certificate chain: UntrustedRoot</c>.</param>
        /// <param name="attempts">How many times the request was sent.</param>
        /// <param name="innerException">The transport's exception.</param>
        public ChatTlsException(ChatPlatform platform, HttpMethod method, string path, string host, bool certificateRefused, string detail,
            int attempts = 1, Exception? innerException = null)
            : base(platform, ChatErrorKind.Security, method, path, null, null, Explain(host, certificateRefused, detail), null, attempts, innerException)
        {
            Host = host;
            CertificateRefused = certificateRefused;
        }

        /// <summary>The host (and port) the handshake was with.</summary>
        public string Host { get; }

        /// <summary>True when the server's certificate was refused; false for another handshake failure.</summary>
        public bool CertificateRefused { get; }

        /// <summary><see cref="CertificateId"/> or <see cref="HandshakeId"/>.</summary>
        public override string ErrorId => CertificateRefused ? CertificateId : HandshakeId;

        private static string Explain(string host, bool certificateRefused, string detail)
        {
            string reason = detail.Trim().TrimEnd('.');
            return certificateRefused
                ? $"the certificate {host} presented is not trusted ({reason}). If it comes from your organisation's CA or a TLS-inspecting proxy, add that CA to this machine's trusted roots"
                : $"the TLS handshake with {host} failed ({reason})";
        }
    }
}
