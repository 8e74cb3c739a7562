using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Http;
using ChatPS.Json;

namespace ChatPS.Tomon
{
    /// <summary><c>PATCH /users/@me/guilds/@me/settings</c>.</summary>
    /// <remarks>The contract documents no body, so the caller's object is passed through as JSON, keys unchanged.</remarks>
    public sealed class TomonGuildSettingsClient
    {
        private readonly TomonApiConnection _connection;

        internal TomonGuildSettingsClient(TomonApiConnection connection) => _connection = connection;

        /// <summary>Sends <paramref name="settings"/> and returns the reply as plain values (null when the reply is empty).</summary>
        /// <exception cref="ArgumentException">No settings given.</exception>
        public async Task<object?> UpdateAsync(IDictionary<string, object?> settings, CancellationToken cancellationToken = default)
        {
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            if (settings.Count == 0) throw new ArgumentException("No settings were given.", nameof(settings));
            var request = new ApiRequest(new HttpMethod("PATCH"), "users/@me/guilds/@me/settings") { Content = JsonBody.Of(settings) };
            var reply = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return reply.ValueKind == JsonValueKind.Undefined ? null : JsonValues.ToPlain(reply);
        }
    }
}
