using System;
using System.Text.Json.Serialization;
using ChatPS.Json;

namespace ChatPS.Kook.Models
{
    /// <summary>A KOOK user, as returned by <c>user/me</c> (the bot itself) and <c>user/view</c> (anyone, optionally in a guild).</summary>
    /// <remarks>
    /// The documented field table is the pre-2024 one. The fields of KOOK's current official examples (<c>vip_amp</c>,
    /// <c>bot_status</c>, <c>tag_info</c>, <c>is_sys</c>, <c>verified</c>) are declared; anything else live replies carry
    /// (<c>nameplate</c>, <c>decorations_id_map</c>, <c>kpm_vip</c>, <c>wealth_level</c>…) lands in
    /// <see cref="ApiModel.AdditionalProperties"/> as it came.
    /// </remarks>
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

        /// <summary>Whether the user's VIP membership is the amplified tier (<c>vip_amp</c>).</summary>
        public bool VipAmp { get; set; }

        /// <summary>
        /// The bot's status (<c>bot_status</c>): KOOK sends a number (0 or 1 in its examples), not a bool, so it is kept
        /// a number; values KOOK adds later keep their meaning instead of being squeezed into true/false.
        /// </summary>
        public int BotStatus { get; set; }

        /// <summary>The badge next to the name (<c>tag_info</c>), or null.</summary>
        public KookTagInfo? TagInfo { get; set; }

        /// <summary>Whether this is a KOOK system account (<c>is_sys</c>).</summary>
        [JsonPropertyName("is_sys")]
        public bool IsSystem { get; set; }

        /// <summary>Whether the account is verified by KOOK (<c>verified</c>).</summary>
        public bool Verified { get; set; }

        /// <summary>Role ids in the guild asked about (KOOK sends them as numbers; they are kept as strings, like every other id).</summary>
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
