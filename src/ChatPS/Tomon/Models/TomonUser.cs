using System;
using System.Text.Json.Serialization;
using ChatPS.Json;

namespace ChatPS.Tomon.Models
{
    /// <summary>A Tomon user: the signed-in profile (<c>GET /users/@me</c>), DM recipients and invited users.</summary>
    public sealed class TomonUser : ApiModel
    {
        /// <summary>Snowflake id (read also when sent as a number, as Tomon's own SDKs accept it; kept as text, which a double would round).</summary>
        [JsonConverter(typeof(LenientStringConverter))]
        public string Id { get; set; } = string.Empty;

        /// <summary>User name, without the discriminator.</summary>
        public string Username { get; set; } = string.Empty;

        /// <summary>The four-character suffix after '#'.</summary>
        public string? Discriminator { get; set; }

        /// <summary><c>username#discriminator</c>, how Tomon shows a user and how password sign-in names one.</summary>
        [JsonIgnore]
        public string FullName => string.IsNullOrEmpty(Discriminator) ? Username : Username + "#" + Discriminator;

        /// <summary>Display name (Tomon's spare name field).</summary>
        public string? Name { get; set; }

        /// <summary>Avatar file name.</summary>
        public string? Avatar { get; set; }

        /// <summary>Avatar URL (Tomon marks it obsolete but still sends it).</summary>
        public string? AvatarUrl { get; set; }

        /// <summary>User type.</summary>
        public int? Type { get; set; }

        /// <summary>E-mail address (profile only).</summary>
        public string? Email { get; set; }

        /// <summary>Whether the e-mail address is verified.</summary>
        public bool? EmailVerified { get; set; }

        /// <summary>Phone number (profile only; documented as a number, sent as a string).</summary>
        [JsonConverter(typeof(LenientStringConverter))]
        public string? Phone { get; set; }

        /// <summary>Whether the phone number is verified.</summary>
        public bool? PhoneVerified { get; set; }

        /// <summary>Whether the account is banned.</summary>
        public bool? Banned { get; set; }

        /// <summary>Whether the account is activated.</summary>
        public bool? Activated { get; set; }

        /// <summary>Creation time.</summary>
        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>Last update time.</summary>
        public DateTimeOffset? UpdatedAt { get; set; }

        /// <inheritdoc />
        public override string ToString() => FullName;
    }
}
