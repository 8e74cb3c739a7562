using System.Text.Json.Serialization;
using ChatPS.Json;

namespace ChatPS.Kook.Models
{
    /// <summary>The badge KOOK shows next to a user's name (<c>tag_info</c>), e.g. <c>BOT</c> on bots.</summary>
    /// <remarks>Not in the documented field table; KOOK's current official examples of <c>user/me</c> and <c>user/view</c> carry it.</remarks>
    public sealed class KookTagInfo : ApiModel
    {
        /// <summary>Text colour, e.g. <c>#0096FF</c>.</summary>
        public string? Color { get; set; }

        /// <summary>Background colour (<c>bg_color</c>), e.g. <c>#0096FF40</c>.</summary>
        [JsonPropertyName("bg_color")]
        public string? BackgroundColor { get; set; }

        /// <summary>The badge text, e.g. <c>BOT</c>.</summary>
        public string? Text { get; set; }

        /// <summary>The text, so a table column shows the badge as KOOK does.</summary>
        public override string ToString() => Text ?? string.Empty;
    }
}
