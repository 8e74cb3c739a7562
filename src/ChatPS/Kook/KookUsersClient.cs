using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Http;
using ChatPS.Kook.Models;

namespace ChatPS.Kook
{
    /// <summary>KOOK's user endpoints (<c>/api/v3/user/*</c>).</summary>
    public sealed class KookUsersClient
    {
        /// <summary>The route of the lookup by id (<c>user/view</c>).</summary>
        public const string ViewPath = "user/view";

        private readonly KookApiConnection _connection;

        internal KookUsersClient(KookApiConnection connection) => _connection = connection;

        /// <summary><c>GET user/me</c>: the user (bot) the token belongs to.</summary>
        public Task<KookUser> GetCurrentAsync(CancellationToken cancellationToken = default) =>
            _connection.SendAsync<KookUser>(new ApiRequest(HttpMethod.Get, "user/me"), cancellationToken);

        /// <summary>
        /// <c>GET user/me</c> as a connect's token check: a refused token or an error code throws now; the user is read
        /// from the reply when first asked for.
        /// </summary>
        internal Task<Lazy<KookUser>> CheckCurrentAsync(CancellationToken cancellationToken) =>
            _connection.SendDeferredAsync<KookUser>(new ApiRequest(HttpMethod.Get, "user/me"), cancellationToken);

        /// <summary><c>GET user/view</c>: another user, with guild-specific fields when <paramref name="guildId"/> is given.</summary>
        /// <exception cref="ArgumentException"><paramref name="userId"/> is empty or not numeric, or <paramref name="guildId"/> is not numeric.</exception>
        public async Task<KookUser> GetAsync(string userId, string? guildId = null, CancellationToken cancellationToken = default)
        {
            userId = ChatIds.Validate(userId, nameof(userId));
            guildId = guildId is null ? null : ChatIds.Validate(guildId, nameof(guildId));
            var request = new ApiRequest(HttpMethod.Get, ViewPath)
                .AddQuery("user_id", userId)
                .AddQuery("guild_id", guildId);
            var user = await _connection.SendAsync<KookUser>(request, cancellationToken).ConfigureAwait(false);
            user.GuildId = guildId;
            return user;
        }

        /// <summary><c>POST user/online</c>: brings a webhook bot online. KOOK allows this rarely.</summary>
        public Task GoOnlineAsync(CancellationToken cancellationToken = default) =>
            _connection.SendAsync(new ApiRequest(HttpMethod.Post, "user/online"), cancellationToken);

        /// <summary><c>POST user/offline</c>: takes a webhook bot offline.</summary>
        public Task GoOfflineAsync(CancellationToken cancellationToken = default) =>
            _connection.SendAsync(new ApiRequest(HttpMethod.Post, "user/offline"), cancellationToken);

        /// <summary><c>GET user/get-online-status</c>: whether the bot is online, and on which platforms.</summary>
        public Task<KookOnlineStatus> GetOnlineStatusAsync(CancellationToken cancellationToken = default) =>
            _connection.SendAsync<KookOnlineStatus>(new ApiRequest(HttpMethod.Get, "user/get-online-status"), cancellationToken);
    }
}
