using System;
using ChatPS.Json;

namespace ChatPS.Tomon.Models
{
    /// <summary>An invite code ("ticket", <c>/users/@me/tickets</c>); a user can create one a week.</summary>
    public sealed class TomonInvite : ApiModel
    {
        /// <summary>The code.</summary>
        public string Code { get; set; } = string.Empty;

        /// <summary>The owner's user id.</summary>
        public string? UserId { get; set; }

        /// <summary>Times used.</summary>
        public int Uses { get; set; }

        /// <summary>Maximum uses.</summary>
        public int MaxUses { get; set; }

        /// <summary>Users who joined with it.</summary>
        public TomonUser[] Users { get; set; } = Array.Empty<TomonUser>();

        /// <summary>Creation time.</summary>
        public DateTimeOffset? CreatedAt { get; set; }

        /// <inheritdoc />
        public override string ToString() => Code;
    }
}
