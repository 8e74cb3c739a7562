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

        /// <summary>Proxy credentials, or null.</summary>
        public NetworkCredential? ProxyCredential { get; set; }

        /// <summary>Per-attempt timeout in seconds; 0 or less keeps the default (100 s).</summary>
        public int TimeoutSec { get; set; }

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
            if (TimeoutSec > 0) options.Timeout = TimeSpan.FromSeconds(TimeoutSec);
            if (MaximumRetryCount.HasValue) options.MaximumRetryCount = MaximumRetryCount.Value;
            if (RetryIntervalSec.HasValue) options.RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec.Value);
            if (MaximumResponseSize.HasValue) options.MaximumResponseSize = MaximumResponseSize.Value;
            if (Proxy != null)
                options.Proxy = new WebProxy(Proxy) { Credentials = ProxyCredential, UseDefaultCredentials = ProxyCredential is null };
            options.Validate();
            return options;
        }
    }
}
