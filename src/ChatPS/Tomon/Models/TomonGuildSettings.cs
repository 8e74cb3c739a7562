using ChatPS.Json;

namespace ChatPS.Tomon.Models
{
    /// <summary>
    /// The signed-in user's notification settings for one guild (or for direct messages), as
    /// <c>PATCH /users/@me/guilds/{guildId}/settings</c> returns them.
    /// </summary>
    /// <remarks>
    /// The reply names the mute flag <c>muted</c> although the request sends <c>mute</c> (Tomon's own clients do so).
    /// Fields not declared here are kept in <see cref="ApiModel.AdditionalProperties"/>.
    /// </remarks>
    public sealed class TomonGuildSettings : ApiModel
    {
        /// <summary>The guild, or null (or <c>@me</c>) for the direct-message settings.</summary>
        public string? GuildId { get; set; }

        /// <summary>Whether the guild is muted.</summary>
        public bool Muted { get; set; }

        /// <summary>The guild's notification level (see <see cref="TomonNotificationLevel"/>).</summary>
        public int? MessageNotifications { get; set; }

        /// <summary>Whether @everyone and @here are suppressed.</summary>
        public bool SuppressEveryone { get; set; }

        /// <summary>Per-channel overrides.</summary>
        public TomonChannelOverride[]? ChannelOverrides { get; set; }

        /// <inheritdoc />
        public override string ToString() => GuildId ?? "@me";
    }
}
