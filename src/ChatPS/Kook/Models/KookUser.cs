using System;
using System.Text.Json.Serialization;
using ChatPS.Json;

namespace ChatPS.Kook.Models
{
    /// <summary>A KOOK user, as returned by <c>user/me</c> (the bot itself) and <c>user/view</c> (anyone, optionally in a guild).</summary>
    public sealed class KookUser : ApiModel
    {
        /// <summary>User id.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>User name, without the identify number.</summary>
        public string Username { get; set; } = string.Empty;

        /// <summary>The four-digit identify number that follows the name.</summary>
        public string? IdentifyNum { get; set; }

        /// <summary><c>username#identify_num</c>, how KOOK shows a user.</summary>
        [JsonIgnore]
        public string FullName => string.IsNullOrEmpty(IdentifyNum) ? Username : Username + "#" + IdentifyNum;

        /// <summary>Nickname in the guild asked about (<c>user/view</c> with a guild id).</summary>
        public string? Nickname { get; set; }

        /// <summary>Whether the user is online.</summary>
        public bool Online { get; set; }

        /// <summary>Connection method (<c>user/me</c>), e.g. <c>Websocket</c> or <c>Webhook</c>.</summary>
        public string? Os { get; set; }

        /// <summary>Account status; see <see cref="KookUserStatus"/>.</summary>
        public KookUserStatus Status { get; set; }

        /// <summary>True when <see cref="Status"/> is <see cref="KookUserStatus.Banned"/>.</summary>
        [JsonIgnore]
        public bool IsBanned => Status == KookUserStatus.Banned;

        /// <summary>Avatar URL.</summary>
        public string? Avatar { get; set; }

        /// <summary>VIP avatar URL (may be an animated GIF).</summary>
        public string? VipAvatar { get; set; }

        /// <summary>Banner URL.</summary>
        public string? Banner { get; set; }

        /// <summary>Whether the user has a VIP membership.</summary>
        public bool IsVip { get; set; }

        /// <summary>Whether the user is a bot.</summary>
        public bool Bot { get; set; }

        /// <summary>Whether the phone number is verified.</summary>
        public bool MobileVerified { get; set; }

        /// <summary>Phone country code, e.g. 86.</summary>
        public string? MobilePrefix { get; set; }

        /// <summary>Masked phone number.</summary>
        public string? Mobile { get; set; }

        /// <summary>How many users this user invited.</summary>
        public int? InvitedCount { get; set; }

        /// <summary>The bot application's client id (sent by <c>user/me</c> for bots, not in the field table).</summary>
        public string? ClientId { get; set; }

        /// <summary>Role ids in the guild asked about (KOOK sends them as numbers).</summary>
        [JsonConverter(typeof(LenientStringArrayConverter))]
        public string[]? Roles { get; set; }

        /// <summary>When the user joined the guild asked about.</summary>
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? JoinedAt { get; set; }

        /// <summary>When the user was last active in the guild asked about.</summary>
        [JsonConverter(typeof(EpochMillisecondsConverter))]
        public DateTimeOffset? ActiveTime { get; set; }

        /// <summary>The guild these guild-specific fields belong to (the id the lookup was made with), or null.</summary>
        [JsonIgnore]
        public string? GuildId { get; set; }

        /// <inheritdoc />
        public override string ToString() => FullName;
    }
}
