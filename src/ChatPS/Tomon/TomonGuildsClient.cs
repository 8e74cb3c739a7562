using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Http;
using ChatPS.Json;
using ChatPS.Tomon.Models;

namespace ChatPS.Tomon
{
    /// <summary>The signed-in user's guilds: list, sidebar order, leave.</summary>
    public sealed class TomonGuildsClient
    {
        private readonly TomonApiConnection _connection;

        internal TomonGuildsClient(TomonApiConnection connection) => _connection = connection;

        /// <summary><c>GET /users/@me/guilds</c>.</summary>
        public Task<IReadOnlyList<TomonGuild>> ListAsync(CancellationToken cancellationToken = default) =>
            ListCoreAsync(cancellationToken);

        /// <summary>
        /// <c>PATCH /users/@me/guilds</c> with <c>{"positions": [...]}</c>, then returns the guilds in their new order.
        /// Guilds not listed keep their relative order after the listed ones, as the service does.
        /// </summary>
        /// <remarks>
        /// The contract says the reply is a user object; the sensible reading is the updated guild list.
        /// If the reply is an array it is used, otherwise the list is read again, so either way the
        /// caller gets the order the service now holds.
        /// </remarks>
        /// <exception cref="ArgumentException">No positions, an invalid id, a negative position, or a duplicate id or position.</exception>
        public async Task<IReadOnlyList<TomonGuild>> ReorderAsync(IEnumerable<TomonGuildPosition> positions, CancellationToken cancellationToken = default)
        {
            var list = ValidatePositions(positions);
            var request = new ApiRequest(new HttpMethod("PATCH"), "users/@me/guilds")
            {
                Content = JsonBody.Of(new Dictionary<string, object>
                {
                    ["positions"] = list.Select(p => new Dictionary<string, object> { ["id"] = p.Id, ["position"] = p.Position }).ToArray(),
                }),
            };
            var (reply, response) = await _connection.SendForReplyAsync(request, cancellationToken).ConfigureAwait(false);
            if (reply.ValueKind == JsonValueKind.Array)
                return _connection.Convert<TomonGuild[]>(reply, response);
            return await ListCoreAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary><c>DELETE /users/@me/guilds/{guildId}</c>: leaves the guild (204; 404 for a guild the user is not in).</summary>
        public Task LeaveAsync(string guildId, CancellationToken cancellationToken = default)
        {
            guildId = ChatIds.Validate(guildId, nameof(guildId));
            return _connection.SendAsync(new ApiRequest(HttpMethod.Delete, "users/@me/guilds/" + guildId), cancellationToken);
        }

        /// <summary>Positions 0, 1, 2… for ids in the order given (the order a pipeline delivered them in).</summary>
        /// <exception cref="ArgumentException">An invalid or repeated id.</exception>
        public static IReadOnlyList<TomonGuildPosition> PositionsInOrder(IEnumerable<string> guildIds)
        {
            if (guildIds is null) throw new ArgumentNullException(nameof(guildIds));
            return ValidatePositions(guildIds.Select((id, index) => new TomonGuildPosition(id, index)));
        }

        /// <summary>Positions from an id → position map (PowerShell's <c>-Position @{ id = 0; … }</c>).</summary>
        /// <exception cref="ArgumentException">An invalid id, a position that is not a whole number ≥ 0, or a duplicate position.</exception>
        public static IReadOnlyList<TomonGuildPosition> PositionsFromMap(IEnumerable<KeyValuePair<string, object?>> map)
        {
            if (map is null) throw new ArgumentNullException(nameof(map));
            var list = new List<TomonGuildPosition>();
            foreach (var pair in map)
            {
                int position;
                try
                {
                    position = pair.Value is null ? -1 : Convert.ToInt32(pair.Value, System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (Exception ex) when (ex is FormatException || ex is InvalidCastException || ex is OverflowException)
                {
                    throw new ArgumentException($"The position for guild '{pair.Key}' is '{pair.Value}', not a whole number.", "positions", ex);
                }
                list.Add(new TomonGuildPosition(pair.Key, position));
            }
            return ValidatePositions(list.OrderBy(p => p.Position));
        }

        private static IReadOnlyList<TomonGuildPosition> ValidatePositions(IEnumerable<TomonGuildPosition> positions)
        {
            if (positions is null) throw new ArgumentNullException(nameof(positions));
            var list = new List<TomonGuildPosition>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var seen = new HashSet<int>();
            foreach (var p in positions)
            {
                if (p is null) throw new ArgumentException("A guild position is null.", nameof(positions));
                string id = ChatIds.Validate(p.Id, nameof(positions));
                if (p.Position < 0) throw new ArgumentException($"The position for guild '{id}' is {p.Position}; positions start at 0.", nameof(positions));
                if (!ids.Add(id)) throw new ArgumentException($"Guild '{id}' is listed more than once.", nameof(positions));
                if (!seen.Add(p.Position)) throw new ArgumentException($"Position {p.Position} is given to more than one guild.", nameof(positions));
                list.Add(new TomonGuildPosition(id, p.Position));
            }
            if (list.Count == 0) throw new ArgumentException("No guild positions were given.", nameof(positions));
            return list;
        }

        private async Task<IReadOnlyList<TomonGuild>> ListCoreAsync(CancellationToken cancellationToken) =>
            await _connection.SendAsync<TomonGuild[]>(new ApiRequest(HttpMethod.Get, "users/@me/guilds"), cancellationToken).ConfigureAwait(false);
    }
}
