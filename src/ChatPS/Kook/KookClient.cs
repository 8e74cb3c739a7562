using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Http;

namespace ChatPS.Kook
{
    /// <summary>
    /// A connection to the KOOK v3 API: one pooled HTTP client, one rate limiter, one token.
    /// Thread-safe; create one per bot and reuse it.
    /// </summary>
    public sealed class KookClient : IDisposable
    {
        /// <summary>The production API root.</summary>
        public const string DefaultBaseUri = "https://www.kookapp.cn/api/v3";

        private readonly KookApiConnection _connection;

        /// <summary>Creates a client for <paramref name="baseUri"/> (default <see cref="DefaultBaseUri"/>).</summary>
        /// <exception cref="ArgumentException">The base URI is malformed, or is plain http to a remote host without <see cref="ConnectionOptions.AllowUnencryptedAuthentication"/>.</exception>
        public KookClient(ApiToken token, KookTokenType tokenType = KookTokenType.Bot, Uri? baseUri = null, ConnectionOptions? options = null)
        {
            if (token is null) throw new ArgumentNullException(nameof(token));
            TokenType = tokenType;
            var pipeline = new HttpPipeline(new KookProtocol(tokenType), baseUri ?? new Uri(DefaultBaseUri), token, options ?? new ConnectionOptions());
            _connection = new KookApiConnection(pipeline);
            Users = new KookUsersClient(_connection);
        }

        /// <summary>The API root requests are sent under (always ends in '/').</summary>
        public Uri BaseUri => _connection.Pipeline.BaseAddress;

        /// <summary>Bot or OAuth token.</summary>
        public KookTokenType TokenType { get; }

        /// <summary>The <c>user/*</c> endpoints.</summary>
        public KookUsersClient Users { get; }

        /// <summary>
        /// Calls any KOOK endpoint through the same auth, limiter, retries and error handling, and
        /// returns the envelope's <c>data</c>. <paramref name="body"/> is serialised as JSON as it is
        /// (dictionary keys unchanged).
        /// </summary>
        public Task<JsonElement> SendAsync(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string?>>? query = null, object? body = null, CancellationToken cancellationToken = default) => _connection.SendAsync(ApiRequest.Create(method, path, query, body), cancellationToken);

        /// <summary>The last known state of a rate-limit bucket (by route or bucket name), for diagnostics.</summary>
        public (int Remaining, DateTimeOffset ResetAt, bool Known)? GetRateLimitSnapshot(string route) => _connection.Pipeline.Limiter.Snapshot(route);

        /// <summary>Closes the pooled connections.</summary>
        public void Dispose() => _connection.Pipeline.Dispose();
    }
}
