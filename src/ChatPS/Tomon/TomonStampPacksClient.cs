using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Http;
using ChatPS.Tomon.Models;

namespace ChatPS.Tomon
{
    /// <summary>The signed-in user's stamp pack collection: <c>/users/@me/stamppacks</c>.</summary>
    public sealed class TomonStampPacksClient
    {
        private readonly TomonApiConnection _connection;

        internal TomonStampPacksClient(TomonApiConnection connection) => _connection = connection;

        /// <summary><c>GET /users/@me/stamppacks</c>.</summary>
        public async Task<IReadOnlyList<TomonStampPackEntry>> ListAsync(CancellationToken cancellationToken = default) =>
            await _connection.SendAsync<TomonStampPackEntry[]>(new ApiRequest(HttpMethod.Get, "users/@me/stamppacks"), cancellationToken).ConfigureAwait(false);

        /// <summary><c>PUT /users/@me/stamppacks/{id}</c>: adds a pack to the collection (204).</summary>
        public Task AddAsync(string stampPackId, CancellationToken cancellationToken = default) =>
            _connection.SendAsync(new ApiRequest(HttpMethod.Put, Path(stampPackId)), cancellationToken);

        /// <summary>
        /// <c>DELETE /users/@me/stamppacks/{id}</c>: removes a pack from the collection (204).
        /// </summary>
        /// <remarks>
        /// The contract lists PUT for both adding and removing, which cannot be: the same request cannot
        /// mean both. Removal is DELETE on the same resource, as REST and the rest of this API
        /// (leaving a guild) do.
        /// </remarks>
        public Task RemoveAsync(string stampPackId, CancellationToken cancellationToken = default) =>
            _connection.SendAsync(new ApiRequest(HttpMethod.Delete, Path(stampPackId)), cancellationToken);

        private static string Path(string stampPackId) => "users/@me/stamppacks/" + ChatIds.Validate(stampPackId, nameof(stampPackId));
    }
}
