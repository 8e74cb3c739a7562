using System;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Security.Authentication;

namespace ChatPS.Http
{
    /// <summary>
    /// Failures of the network between ChatPS and the service, told apart from the service's own answers: a proxy's 407
    /// (on a forwarded request, or on the CONNECT of a tunnel) and a failed TLS handshake. Neither is retried: a second
    /// try meets the same proxy and the same certificate.
    /// </summary>
    internal static class NetworkFailure
    {
        // HttpRequestException.StatusCode (.NET 5+): a refused CONNECT carries the proxy's status there. Not in netstandard2.0.
        private static readonly PropertyInfo? StatusCodeProperty = typeof(HttpRequestException).GetProperty("StatusCode");

        /// <summary>The error for a 407 the proxy answered to a request it would have forwarded.</summary>
        public static ChatProxyAuthenticationException ProxyRefused(ChatPlatform platform, ApiRequest request, Uri target, IWebProxy? proxy, int attempts, Exception? inner = null) =>
            new ChatProxyAuthenticationException(platform, request.Method, request.Path, ProxyAddress(target, proxy), proxy?.Credentials != null, attempts, inner);

        /// <summary>The error for a transport failure that is the proxy's refusal or a TLS failure, or null for any other.</summary>
        public static ChatApiException? Classify(ChatPlatform platform, ApiRequest request, Uri target, IWebProxy? proxy, HttpRequestException exception, int attempts)
        {
            if (StatusCodeProperty?.GetValue(exception) is HttpStatusCode status && (int)status == 407)
                return ProxyRefused(platform, request, target, proxy, attempts, exception);
            for (Exception? e = exception; e != null; e = e.InnerException)
            {
                if (e is AuthenticationException tls)
                {
                    bool certificate = tls.Message.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0;
                    return new ChatTlsException(platform, request.Method, request.Path, target.Authority, certificate, tls.Message, attempts, exception);
                }
            }
            return null;
        }

        /// <summary>The proxy's address for <paramref name="target"/>, or null when it is the system's (not known here).</summary>
        internal static string? ProxyAddress(Uri target, IWebProxy? proxy)
        {
            if (proxy is null) return null;
            try
            {
                var uri = proxy.GetProxy(target);
                return uri is null || uri == target ? null : uri.GetLeftPart(UriPartial.Authority) + "/";
            }
            catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException)
            {
                return null;
            }
        }
    }
}
