using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Http;
using ChatPS.Tomon.Models;

namespace ChatPS.Tomon
{
    /// <summary><c>PATCH /users/@me/guilds/{guildId}/settings</c>: the signed-in user's notification settings per guild.</summary>
    /// <remarks>
    /// The contract shows only the <c>@me</c> (direct-message) path; Tomon's own clients use the same route with a guild id.
    /// See <see cref="TomonGuildSettingsUpdate"/> for the body.
    /// </remarks>
    public sealed class TomonGuildSettingsClient
    {
        private readonly TomonApiConnection _connection;

        internal TomonGuildSettingsClient(TomonApiConnection connection) => _connection = connection;

        /// <summary>Sends the change and returns the settings as stored.</summary>
        /// <exception cref="ArgumentException">Nothing to change, or a value is malformed.</exception>
        public Task<TomonGuildSettings> UpdateAsync(TomonGuildSettingsUpdate update, CancellationToken cancellationToken = default)
        {
            if (update is null) throw new ArgumentNullException(nameof(update));
            update.Validate();
            string guildId = update.GuildId == TomonGuildSettingsUpdate.DirectMessages ? update.GuildId : update.GuildId.Trim();
            var request = new ApiRequest(new HttpMethod("PATCH"), "users/@me/guilds/" + guildId + "/settings") { Content = JsonBody.Of(update.Body()) };
            return _connection.SendAsync<TomonGuildSettings>(request, cancellationToken);
        }

        /// <summary>Sends <paramref name="settings"/> as they are for the direct-message settings (<c>@me</c>).</summary>
        /// <exception cref="ArgumentException">No settings given.</exception>
        public Task<TomonGuildSettings> UpdateAsync(IDictionary<string, object?> settings, CancellationToken cancellationToken = default) =>
            UpdateAsync(new TomonGuildSettingsUpdate { Other = settings ?? throw new ArgumentNullException(nameof(settings)) }, cancellationToken);
    }
}
