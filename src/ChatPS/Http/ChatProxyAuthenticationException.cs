using System;
using System.Net.Http;

namespace ChatPS.Http
{
    /// <summary>
    /// The proxy between this machine and the service answered 407: it wants credentials, and the ones sent were
    /// refused or none were sent. The service itself was never reached, so nothing about the token is known.
    /// </summary>
    public sealed class ChatProxyAuthenticationException : ChatApiException
    {
        /// <summary>The error id of every proxy authentication failure, whichever platform was called.</summary>
        public const string Id = "ChatPS.ProxyAuthenticationRequired";

        /// <summary>Creates the exception.</summary>
        /// <param name="platform">The platform the request was for.</param>
        /// <param name="method">The request's method.</param>
        /// <param name="path">The request's path.</param>
        /// <param name="proxy">The proxy's address (scheme, host and port), or null when it is not known (a system proxy).</param>
        /// <param name="credentialsGiven">Whether the connection had credentials to answer the proxy with.</param>
        /// <param name="attempts">How many times the request was sent.</param>
        /// <param name="innerException">The transport's exception (a refused CONNECT), if any.</param>
        public ChatProxyAuthenticationException(ChatPlatform platform, HttpMethod method, string path, string? proxy, bool credentialsGiven,
            int attempts = 1, Exception? innerException = null)
            : base(platform, ChatErrorKind.ProxyAuthentication, method, path, 407, null, Explain(proxy, credentialsGiven), null, attempts, innerException)
        {
            Proxy = proxy;
            CredentialsGiven = credentialsGiven;
        }

        /// <summary>The proxy's address, e.g. <c>http://proxy.example:3128/</c>, or null when it is not known.</summary>
        public string? Proxy { get; }

        /// <summary>True when credentials were sent (and refused); false when the connection had none.</summary>
        public bool CredentialsGiven { get; }

        /// <summary>Always <see cref="Id"/>: the proxy, not the platform, refused.</summary>
        public override string ErrorId => Id;

        private static string Explain(string? proxy, bool credentialsGiven)
        {
            // No proxy of the connection's own: the system's (HTTP_PROXY, HTTPS_PROXY, the OS settings) answered.
            if (proxy is null && !credentialsGiven)
                return "the system's proxy requires authentication; connect with -Proxy and -ProxyCredential (or -ProxyUseDefaultCredentials).";
            string who = proxy is null ? "the proxy" : "the proxy " + proxy;
            return credentialsGiven
                ? who + " refused the proxy credentials (wrong user name or password, or an authentication scheme it does not offer); check -ProxyCredential."
                : who + " requires authentication and no proxy credentials were given; connect with -ProxyCredential (or -ProxyUseDefaultCredentials).";
        }
    }
}
