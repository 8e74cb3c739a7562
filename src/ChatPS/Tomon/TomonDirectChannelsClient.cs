using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Http;
using ChatPS.Tomon.Models;

namespace ChatPS.Tomon
{
    /// <summary>Direct-message channels: <c>GET</c> and <c>POST /users/@me/channels</c>.</summary>
    public sealed class TomonDirectChannelsClient
    {
        private readonly TomonApiConnection _connection;

        internal TomonDirectChannelsClient(TomonApiConnection connection) => _connection = connection;

        /// <summary><c>GET /users/@me/channels</c>.</summary>
        public async Task<IReadOnlyList<TomonDirectChannel>> ListAsync(CancellationToken cancellationToken = default) =>
            await _connection.SendAsync<TomonDirectChannel[]>(new ApiRequest(HttpMethod.Get, "users/@me/channels"), cancellationToken).ConfigureAwait(false);

        /// <summary><c>POST /users/@me/channels</c> with <c>{"recipients": [ids]}</c> (at least one; duplicates are sent once).</summary>
        /// <exception cref="ArgumentException">No recipients, or an invalid id.</exception>
        public Task<TomonDirectChannel> CreateAsync(IEnumerable<string> recipientIds, CancellationToken cancellationToken = default)
        {
            if (recipientIds is null) throw new ArgumentNullException(nameof(recipientIds));
            var ids = recipientIds.Select(id => ChatIds.Validate(id, nameof(recipientIds))).Distinct(StringComparer.Ordinal).ToArray();
            if (ids.Length == 0) throw new ArgumentException("A direct channel needs at least one recipient.", nameof(recipientIds));
            var request = new ApiRequest(HttpMethod.Post, "users/@me/channels")
            {
                Content = JsonBody.Of(new Dictionary<string, object> { ["recipients"] = ids }),
            };
            return _connection.SendAsync<TomonDirectChannel>(request, cancellationToken);
        }
    }
}
