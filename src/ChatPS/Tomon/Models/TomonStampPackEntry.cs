using System;
using ChatPS.Json;

namespace ChatPS.Tomon.Models
{
    /// <summary>A stamp pack in the signed-in user's collection (<c>GET /users/@me/stamppacks</c>).</summary>
    public sealed class TomonStampPackEntry : ApiModel
    {
        /// <summary>The user's id.</summary>
        public string? UserId { get; set; }

        /// <summary>The pack's id.</summary>
        public string PackId { get; set; } = string.Empty;

        /// <summary>The pack itself.</summary>
        public TomonStampPack? StampPack { get; set; }

        /// <summary>When it was added.</summary>
        public DateTimeOffset? AddAt { get; set; }

        /// <summary>The pack's name, for display.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public string? Name => StampPack?.Name;

        /// <summary>Same as <see cref="PackId"/>, so entries bind to <c>-Id</c> by property name.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public string Id => PackId;

        /// <inheritdoc />
        public override string ToString() => StampPack?.Name ?? PackId;
    }
}
