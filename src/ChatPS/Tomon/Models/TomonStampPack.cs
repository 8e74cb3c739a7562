using System;
using ChatPS.Json;

namespace ChatPS.Tomon.Models
{
    /// <summary>A stamp (sticker) pack.</summary>
    public sealed class TomonStampPack : ApiModel
    {
        /// <summary>Snowflake id.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>Pack name.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>Pack type.</summary>
        public int? Type { get; set; }

        /// <summary>The author's user id.</summary>
        public string? AuthorId { get; set; }

        /// <summary>The stamps, as the service describes them.</summary>
        [System.Text.Json.Serialization.JsonConverter(typeof(PlainArrayConverter))]
        public object?[]? Stamps { get; set; }

        /// <summary>Last update time.</summary>
        public DateTimeOffset? UpdatedAt { get; set; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
