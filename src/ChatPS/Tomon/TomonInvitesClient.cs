using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Http;
using ChatPS.Tomon.Models;

namespace ChatPS.Tomon
{
    /// <summary>Invite codes ("tickets"): <c>GET</c> and <c>POST /users/@me/tickets</c>.</summary>
    public sealed class TomonInvitesClient
    {
        private readonly TomonApiConnection _connection;

        internal TomonInvitesClient(TomonApiConnection connection) => _connection = connection;

        /// <summary><c>GET /users/@me/tickets</c>.</summary>
        public async Task<IReadOnlyList<TomonInvite>> ListAsync(CancellationToken cancellationToken = default) =>
            await _connection.SendAsync<TomonInvite[]>(new ApiRequest(HttpMethod.Get, "users/@me/tickets"), cancellationToken).ConfigureAwait(false);

        /// <summary>
        /// <c>POST /users/@me/tickets</c>: creates this week's invite, or returns it if it already exists
        /// (a user gets one a week; the service answers 200 either way, and so does this).
        /// </summary>
        public Task<TomonInvite> CreateAsync(CancellationToken cancellationToken = default) =>
            _connection.SendAsync<TomonInvite>(new ApiRequest(HttpMethod.Post, "users/@me/tickets"), cancellationToken);
    }
}
