using System;

namespace ChatPS.Http
{
    /// <summary>Checks and normalises a platform base URI.</summary>
    public static class BaseUri
    {
        /// <summary>
        /// Returns <paramref name="value"/> as an absolute http(s) URI ending in '/', so relative paths
        /// append to any prefix (e.g. <c>http://127.0.0.1:5380/gateway/kook/api/v3</c>).
        /// </summary>
        /// <exception cref="ArgumentException">The value is not an absolute http or https URI, or has a query or fragment.</exception>
        public static Uri Normalize(string value)
        {
            if (string.IsNullOrWhiteSpace(value))
                throw new ArgumentException("The base URI is empty.", nameof(value));
            if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) ||
                (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) ||
                string.IsNullOrEmpty(uri.Host))
                throw new ArgumentException($"'{value}' is not an absolute http:// or https:// URI.", nameof(value));
            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
                throw new ArgumentException($"The base URI '{value}' must not have a query string or fragment.", nameof(value));
            if (!string.IsNullOrEmpty(uri.UserInfo))
                throw new ArgumentException("The base URI must not carry credentials.", nameof(value));
            string text = uri.GetLeftPart(UriPartial.Path);
            return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
        }

        /// <summary>True when <paramref name="uri"/> sends secrets unencrypted over the network (http:// to a non-loopback host).</summary>
        public static bool IsUnencryptedRemote(Uri uri) => uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback;
    }
}
