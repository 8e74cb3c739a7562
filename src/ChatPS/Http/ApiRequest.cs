using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;

namespace ChatPS.Http
{
    /// <summary>One API call, described independently of how it is sent (so it can be sent again on retry).</summary>
    public sealed class ApiRequest
    {
        private readonly List<KeyValuePair<string, string>> _query = new List<KeyValuePair<string, string>>();

        /// <summary>Creates a request for <paramref name="path"/>, relative to the connection's base URI.</summary>
        public ApiRequest(HttpMethod method, string path)
        {
            Method = method ?? throw new ArgumentNullException(nameof(method));
            if (path is null) throw new ArgumentNullException(nameof(path));
            Path = path.Trim().TrimStart('/');
            if (Path.Length == 0) throw new ArgumentException("The request path is empty.", nameof(path));
            if (Path.IndexOf('?') >= 0 || Path.IndexOf('#') >= 0)
                throw new ArgumentException("Put query parameters in the query collection, not in the path.", nameof(path));
        }

        /// <summary>A raw call (Invoke-KookApi / Invoke-TomonApi): query pairs as given, body as JSON with keys unchanged.</summary>
        public static ApiRequest Create(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string?>>? query, object? body)
        {
            var request = new ApiRequest(method, path);
            if (query != null)
                foreach (var pair in query) request.AddQuery(pair.Key, pair.Value);
            if (body != null) request.Content = JsonBody.Of(body);
            return request;
        }

        /// <summary>HTTP method.</summary>
        public HttpMethod Method { get; }

        /// <summary>Path relative to the base URI, without a leading slash, e.g. <c>user/view</c>.</summary>
        public string Path { get; }

        /// <summary>Query parameters in the order they are sent.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Query => _query;

        /// <summary>
        /// Builds the body. A factory rather than an instance because a retry needs a fresh
        /// <see cref="HttpContent"/>: a sent one is consumed.
        /// </summary>
        public Func<HttpContent>? Content { get; set; }

        /// <summary>
        /// Secrets the body carries (a password, a bot token being exchanged): they are removed from
        /// every log line and error message about this request, as the connection's token is.
        /// </summary>
        public IList<ApiToken> Secrets { get; } = new List<ApiToken>();

        /// <summary>False for calls made before there is a token, such as Tomon's <c>auth/login</c>.</summary>
        public bool Authenticated { get; set; } = true;

        /// <summary>Adds a query parameter; null values are skipped so optional parameters can be passed through as they are.</summary>
        public ApiRequest AddQuery(string name, string? value)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("The query parameter name is empty.", nameof(name));
            if (value != null) _query.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        /// <summary>The path and encoded query, as sent after the base URI.</summary>
        public string PathAndQuery
        {
            get
            {
                if (_query.Count == 0) return Path;
                var sb = new StringBuilder(Path).Append('?');
                for (int i = 0; i < _query.Count; i++)
                {
                    if (i > 0) sb.Append('&');
                    sb.Append(Uri.EscapeDataString(_query[i].Key)).Append('=').Append(Uri.EscapeDataString(_query[i].Value));
                }
                return sb.ToString();
            }
        }

        /// <summary>True for methods that may be sent twice without changing the outcome.</summary>
        public bool IsIdempotent =>
            Method == HttpMethod.Get || Method == HttpMethod.Put || Method == HttpMethod.Delete ||
            Method == HttpMethod.Head || Method == HttpMethod.Options;

        /// <inheritdoc />
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1}", Method.Method, PathAndQuery);
    }
}
