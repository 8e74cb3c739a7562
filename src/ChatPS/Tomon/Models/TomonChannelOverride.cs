using System;
using System.Collections.Generic;
using System.Globalization;
using ChatPS.Json;

namespace ChatPS.Tomon.Models
{
    /// <summary>
    /// A per-channel notification override inside guild settings (<c>{"channel_id", "message_notifications"}</c>),
    /// as Tomon's own clients send it in <c>channel_overrides</c> and as the stored settings return it.
    /// </summary>
    public sealed class TomonChannelOverride : ApiModel
    {
        /// <summary>Creates an empty override (for deserialisation).</summary>
        public TomonChannelOverride() { }

        /// <summary>Creates an override for <paramref name="channelId"/>.</summary>
        /// <exception cref="ArgumentException">The channel id is not an id, or the level is out of range.</exception>
        public TomonChannelOverride(string channelId, int messageNotifications)
        {
            ChannelId = ChatIds.Validate(channelId, nameof(ChannelId));
            MessageNotifications = TomonNotificationLevel.Validate(messageNotifications, nameof(MessageNotifications));
        }

        /// <summary>The channel this override applies to.</summary>
        public string ChannelId { get; set; } = string.Empty;

        /// <summary>The notification level for the channel (see <see cref="TomonNotificationLevel"/>).</summary>
        public int MessageNotifications { get; set; }

        /// <summary>
        /// Reads an override from what a script hands over: an override object, or a hashtable / object with
        /// <c>channel_id</c> (or <c>ChannelId</c>) and <c>message_notifications</c> (or <c>MessageNotifications</c>), in any
        /// case; numbers may come as text, as from Import-Csv.
        /// </summary>
        /// <exception cref="ArgumentException">Something else, a missing or unknown key, or a bad value; the message names it.</exception>
        public static TomonChannelOverride From(object? value)
        {
            switch (value)
            {
                case TomonChannelOverride ready:
                    return new TomonChannelOverride(ready.ChannelId, ready.MessageNotifications);
                case IDictionary<string, object?> map:
                    string? channelId = null;
                    int? level = null;
                    foreach (var pair in map)
                    {
                        string key = pair.Key.Replace("_", string.Empty).ToUpperInvariant();
                        if (key == "CHANNELID") channelId = Convert.ToString(pair.Value, CultureInfo.InvariantCulture);
                        else if (key == "MESSAGENOTIFICATIONS") level = Level(pair.Value);
                        else throw new ArgumentException($"'{pair.Key}' is not part of a channel override: give channel_id and message_notifications.", "ChannelOverride");
                    }
                    if (channelId is null || level is null)
                        throw new ArgumentException("A channel override needs both channel_id and message_notifications.", "ChannelOverride");
                    return new TomonChannelOverride(channelId, level.Value);
                default:
                    throw new ArgumentException(
                        $"'{value}' is not a channel override: give a hashtable or object with channel_id and message_notifications.", "ChannelOverride");
            }
        }

        /// <inheritdoc />
        public override string ToString() => ChannelId + "=" + MessageNotifications.ToString(CultureInfo.InvariantCulture);

        private static int Level(object? value)
        {
            switch (value)
            {
                case int i: return i;
                case long l when l >= int.MinValue && l <= int.MaxValue: return (int)l;
                case string s when int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n): return n;
                case Enum e: return Convert.ToInt32(e, CultureInfo.InvariantCulture);
                default:
                    throw new ArgumentException($"'{value}' is not a notification level: expected a whole number from {TomonNotificationLevel.Minimum} to {TomonNotificationLevel.Maximum}.", "ChannelOverride");
            }
        }
    }
}
