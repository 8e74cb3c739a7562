using System;
using System.Collections.Generic;
using System.Linq;
using ChatPS.Tomon.Models;

namespace ChatPS.Tomon
{
    /// <summary>
    /// What <see cref="TomonGuildSettingsClient.UpdateAsync(TomonGuildSettingsUpdate, System.Threading.CancellationToken)"/>
    /// changes for one guild. Unset values are left as they are.
    /// </summary>
    /// <remarks>
    /// The contract documents only <c>PATCH /users/@me/guilds/@me/settings</c> with no body; Tomon's own clients send
    /// <c>PATCH /users/@me/guilds/{guildId}/settings</c> with <c>{"mute", "message_notifications", "suppress_everyone",
    /// "channel_overrides": [{"channel_id", "message_notifications"}]}</c>, and the documented path is its direct-message
    /// (<c>@me</c>) case. That is what is built here; <see cref="Other"/> carries anything else, keys as written.
    /// </remarks>
    public sealed class TomonGuildSettingsUpdate
    {
        /// <summary>The <see cref="GuildId"/> of the direct-message settings.</summary>
        public const string DirectMessages = "@me";

        /// <summary>The wire names the typed values are sent under.</summary>
        public static readonly IReadOnlyList<string> TypedKeys = new[] { "mute", "message_notifications", "suppress_everyone", "channel_overrides" };

        /// <summary>The guild, or <see cref="DirectMessages"/> (the default).</summary>
        public string GuildId { get; set; } = DirectMessages;

        /// <summary>Mutes or unmutes the guild (sent as <c>mute</c>; the reply calls it <c>muted</c>).</summary>
        public bool? Muted { get; set; }

        /// <summary>The guild's notification level (see <see cref="TomonNotificationLevel"/>).</summary>
        public int? MessageNotifications { get; set; }

        /// <summary>Suppresses @everyone and @here.</summary>
        public bool? SuppressEveryone { get; set; }

        /// <summary>Per-channel overrides (sent as <c>channel_overrides</c>).</summary>
        public IList<TomonChannelOverride>? ChannelOverrides { get; set; }

        /// <summary>Further settings, by their wire names, passed through as JSON.</summary>
        public IDictionary<string, object?>? Other { get; set; }

        /// <summary>Throws <see cref="ArgumentException"/> for an update that would be refused or is ambiguous.</summary>
        public void Validate()
        {
            if (GuildId != DirectMessages) ChatIds.Validate(GuildId, nameof(GuildId));
            if (MessageNotifications.HasValue) TomonNotificationLevel.Validate(MessageNotifications.Value, nameof(MessageNotifications));
            if (ChannelOverrides != null)
            {
                foreach (var o in ChannelOverrides)
                {
                    if (o is null) throw new ArgumentException("A channel override is null.", nameof(ChannelOverrides));
                    ChatIds.Validate(o.ChannelId, "ChannelOverride");
                    TomonNotificationLevel.Validate(o.MessageNotifications, "ChannelOverride");
                }
                var twice = ChannelOverrides.GroupBy(o => o.ChannelId).FirstOrDefault(g => g.Count() > 1);
                if (twice != null)
                    throw new ArgumentException($"Channel '{twice.Key}' has more than one override.", nameof(ChannelOverrides));
            }
            if (Other != null)
            {
                // A key given both ways would leave it unclear which value wins.
                var clash = Other.Keys.FirstOrDefault(k => TypedKeys.Contains(k, StringComparer.OrdinalIgnoreCase) || string.Equals(k, "muted", StringComparison.OrdinalIgnoreCase));
                if (clash != null && IsGiven(clash))
                    throw new ArgumentException($"'{clash}' is given both in the settings table and as its own parameter; give it once.", nameof(Other));
            }
            if (Body().Count == 0)
                throw new ArgumentException("No settings were given.", nameof(Other));
        }

        /// <summary>The JSON body: the typed values under their wire names, then <see cref="Other"/>.</summary>
        public Dictionary<string, object?> Body()
        {
            var body = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (Muted.HasValue) body["mute"] = Muted.Value;
            if (MessageNotifications.HasValue) body["message_notifications"] = MessageNotifications.Value;
            if (SuppressEveryone.HasValue) body["suppress_everyone"] = SuppressEveryone.Value;
            if (ChannelOverrides != null)
                body["channel_overrides"] = ChannelOverrides.Select(o => (object?)new Dictionary<string, object?>
                {
                    ["channel_id"] = o.ChannelId,
                    ["message_notifications"] = o.MessageNotifications,
                }).ToArray();
            if (Other != null)
                foreach (var pair in Other)
                    if (!body.ContainsKey(pair.Key)) body[pair.Key] = pair.Value;
            return body;
        }

        /// <summary>Describes the change, e.g. for -WhatIf: <c>Change mute, message_notifications</c>.</summary>
        public override string ToString()
        {
            var keys = Body().Keys.ToList();
            return keys.Count == 0 ? "no change" : "Change " + string.Join(", ", keys);
        }

        private bool IsGiven(string key)
        {
            switch (key.ToLowerInvariant())
            {
                case "mute":
                case "muted": return Muted.HasValue;
                case "message_notifications": return MessageNotifications.HasValue;
                case "suppress_everyone": return SuppressEveryone.HasValue;
                default: return ChannelOverrides != null;
            }
        }
    }
}
