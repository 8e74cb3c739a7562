using System;
using System.Linq;
using ChatPS.Json;

namespace ChatPS.Tomon.Models
{
    /// <summary>A direct-message channel (<c>/users/@me/channels</c>).</summary>
    public sealed class TomonDirectChannel : ApiModel
    {
        /// <summary>Snowflake id.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>Channel type (2 for a DM).</summary>
        public int Type { get; set; }

        /// <summary>The other participants.</summary>
        public TomonUser[] Recipients { get; set; } = Array.Empty<TomonUser>();

        /// <summary>Id of the last message.</summary>
        public string? LastMessageId { get; set; }

        /// <summary>Timestamp of the last pinned message.</summary>
        public string? LastPinTimestamp { get; set; }

        /// <summary>Id of the last message read.</summary>
        public string? AckMessageId { get; set; }

        /// <summary>Unread messages.</summary>
        public int? UnreadCount { get; set; }

        /// <summary>Creation time.</summary>
        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>Last update time.</summary>
        public DateTimeOffset? UpdatedAt { get; set; }

        /// <inheritdoc />
        public override string ToString() => string.Join(", ", Recipients.Select(r => r.FullName));
    }
}
