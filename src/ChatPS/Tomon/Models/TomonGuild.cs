using System;
using ChatPS.Json;

namespace ChatPS.Tomon.Models
{
    /// <summary>A guild the signed-in user has joined (<c>GET /users/@me/guilds</c>).</summary>
    public sealed class TomonGuild : ApiModel
    {
        /// <summary>Snowflake id.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>Guild name.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>Icon file name.</summary>
        public string? Icon { get; set; }

        /// <summary>Icon URL.</summary>
        public string? IconUrl { get; set; }

        /// <summary>Background file name.</summary>
        public string? Background { get; set; }

        /// <summary>Background URL.</summary>
        public string? BackgroundUrl { get; set; }

        /// <summary>Description.</summary>
        public string? Description { get; set; }

        /// <summary>The owner's user id.</summary>
        public string? OwnerId { get; set; }

        /// <summary>Position in the user's sidebar (null until the user orders guilds).</summary>
        public int? Position { get; set; }

        /// <summary>The system channel's id.</summary>
        public string? SystemChannelId { get; set; }

        /// <summary>System channel flags.</summary>
        public int? SystemChannelFlags { get; set; }

        /// <summary>Default notification level.</summary>
        public int? DefaultMessageNotifications { get; set; }

        /// <summary>When the user joined.</summary>
        public DateTimeOffset? JoinedAt { get; set; }

        /// <summary>Creation time.</summary>
        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>Last update time.</summary>
        public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>Whether the user is banned from the guild.</summary>
        public bool? Banned { get; set; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
