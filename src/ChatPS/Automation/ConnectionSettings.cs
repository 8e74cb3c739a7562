using System;
using System.Globalization;
using System.Net;
using ChatPS.Http;

namespace ChatPS.Automation
{
    /// <summary>
    /// What <c>Connect-Kook</c> and <c>Connect-Tomon</c> take besides credentials, in Invoke-RestMethod's
    /// terms, and how they become <see cref="ConnectionOptions"/>.
    /// </summary>
    public sealed class ConnectionSettings
    {
        /// <summary>Base URI text, or null for the platform default.</summary>
        public string? BaseUri { get; set; }

        /// <summary>Proxy URI, or null.</summary>
        public Uri? Proxy { get; set; }

        /// <summary>Proxy credentials (<c>-ProxyCredential</c>), or null.</summary>
        public NetworkCredential? ProxyCredential { get; set; }

        /// <summary>
        /// Answers the proxy with the current user's own credentials (<c>-ProxyUseDefaultCredentials</c>: Negotiate or
        /// NTLM single sign-on, as Windows proxies ask for).
        /// </summary>
        public bool ProxyUseDefaultCredentials { get; set; }

        /// <summary>Per-attempt timeout in seconds; null keeps the default (100 s).</summary>
        public int? TimeoutSec { get; set; }

        /// <summary>Retries; null keeps the default (3).</summary>
        public int? MaximumRetryCount { get; set; }

        /// <summary>Base back-off in seconds; null keeps the default (1 s).</summary>
        public int? RetryIntervalSec { get; set; }

        /// <summary>
        /// <c>Accept-Language</c> as given (<c>-AcceptLanguage</c>), or null when not given. An empty value sends no header,
        /// which leaves KOOK at its default (Chinese).
        /// </summary>
        public string? AcceptLanguage { get; set; }

        /// <summary>
        /// The session's UI culture (PowerShell's <c>$PSUICulture</c>), sent as <c>Accept-Language</c> when
        /// <see cref="AcceptLanguage"/> is not given, so an English-speaking admin reads KOOK's messages in English.
        /// </summary>
        public CultureInfo? UICulture { get; set; }

        /// <summary>
        /// The <c>Accept-Language</c> to send: the given value (none when it is empty), else the UI culture's name
        /// (e.g. <c>en-US</c>), else none (the invariant culture names no language).
        /// </summary>
        /// <exception cref="ArgumentException">The given value holds a line break or another control character.</exception>
        public static string? ResolveAcceptLanguage(string? acceptLanguage, CultureInfo? uiCulture)
        {
            if (acceptLanguage != null)
            {
                foreach (char c in acceptLanguage)
                    if (char.IsControl(c))
                        throw new ArgumentException($"'{acceptLanguage.Replace("\r", "\\r").Replace("\n", "\\n")}' is not an Accept-Language value: it holds a control character.", nameof(AcceptLanguage));
                return acceptLanguage.Trim().Length == 0 ? null : acceptLanguage.Trim();
            }
            return uiCulture is null || string.IsNullOrEmpty(uiCulture.Name) ? null : uiCulture.Name;
        }

        /// <summary>The largest reply body read, in bytes; null keeps the default (16 MiB, <see cref="ConnectionOptions.DefaultMaximumResponseSize"/>).</summary>
        public long? MaximumResponseSize { get; set; }

        /// <summary>Allows tokens over plain http:// to a remote host.</summary>
        public bool AllowUnencryptedAuthentication { get; set; }

        /// <summary>The parsed base URI, or <paramref name="defaultUri"/>.</summary>
        /// <exception cref="ArgumentException">A malformed base URI, or plain http to a remote host without <see cref="AllowUnencryptedAuthentication"/>.</exception>
        public Uri ResolveBaseUri(string defaultUri)
        {
            var uri = Http.BaseUri.Normalize(string.IsNullOrWhiteSpace(BaseUri) ? defaultUri : BaseUri!);
            if (Http.BaseUri.IsUnencryptedRemote(uri) && !AllowUnencryptedAuthentication)
                throw new ArgumentException(
                    $"Refusing to send credentials over unencrypted http:// to '{uri.Host}'. Use https://, or add -AllowUnencryptedAuthentication.", nameof(BaseUri));
            return uri;
        }

        /// <summary>The transport options these settings describe.</summary>
        public ConnectionOptions ToOptions()
        {
            var options = new ConnectionOptions
            {
                AcceptLanguage = ResolveAcceptLanguage(AcceptLanguage, UICulture),
                AllowUnencryptedAuthentication = AllowUnencryptedAuthentication,
            };
            if (TimeoutSec.HasValue) options.Timeout = TimeSpan.FromSeconds(TimeoutSec.Value);
            if (MaximumRetryCount.HasValue) options.MaximumRetryCount = MaximumRetryCount.Value;
            if (RetryIntervalSec.HasValue) options.RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec.Value);
            if (MaximumResponseSize.HasValue) options.MaximumResponseSize = MaximumResponseSize.Value;
            options.Proxy = CreateProxy(Proxy, ProxyCredential, ProxyUseDefaultCredentials);
            options.Validate();
            return options;
        }

        /// <summary>
        /// The proxy Invoke-RestMethod would use for <c>-Proxy</c>, <c>-ProxyCredential</c> and
        /// <c>-ProxyUseDefaultCredentials</c>: every request through it (loopback included, as
        /// <c>BypassProxyOnLocal</c> is off), answered with the given credentials, or the current user's, or none.
        /// Null without <paramref name="proxy"/>: the system's proxy settings apply.
        /// </summary>
        /// <exception cref="ArgumentException">
        /// Credentials without a proxy, both kinds of credentials, or a proxy URI that is not an absolute http(s) or
        /// socks URI, or that carries a user name or password (they belong in <c>-ProxyCredential</c>).
        /// </exception>
        public static IWebProxy? CreateProxy(Uri? proxy, NetworkCredential? credential, bool useDefaultCredentials)
        {
            if (credential != null && useDefaultCredentials)
                throw new ArgumentException("Give -ProxyCredential or -ProxyUseDefaultCredentials, not both.", nameof(ProxyCredential));
            if (proxy is null)
            {
                if (credential != null || useDefaultCredentials)
                    throw new ArgumentException(
                        "-ProxyCredential and -ProxyUseDefaultCredentials need -Proxy, the proxy they are for.", nameof(Proxy));
                return null;
            }
            if (!proxy.IsAbsoluteUri || string.IsNullOrEmpty(proxy.Host) || !IsProxyScheme(proxy.Scheme))
                throw new ArgumentException($"'{proxy.OriginalString}' is not a proxy address such as http://proxy.example:3128.", nameof(Proxy));
            if (!string.IsNullOrEmpty(proxy.UserInfo))
                throw new ArgumentException("The proxy address must not carry a user name or password; give them with -ProxyCredential.", nameof(Proxy));

            // Credentials are set after UseDefaultCredentials: setting that property (even to false) replaces them.
            var webProxy = new WebProxy(proxy) { BypassProxyOnLocal = false, UseDefaultCredentials = useDefaultCredentials };
            if (credential != null) webProxy.Credentials = credential;
            return webProxy;
        }

        private static bool IsProxyScheme(string scheme) =>
            scheme == Uri.UriSchemeHttp || scheme == Uri.UriSchemeHttps ||
            scheme == "socks4" || scheme == "socks4a" || scheme == "socks5";
    }
}
