using System;
using System.Globalization;

namespace ChatPS.Tomon
{
    /// <summary>
    /// The range of <c>message_notifications</c>. Tomon documents no values; its guild objects carry
    /// <c>default_message_notifications: 1</c>, and its clients follow the Discord-style numbering (0 all messages,
    /// 1 only mentions, 2 nothing, 3 inherit the guild's setting, for channel overrides). The number is sent as it is,
    /// so only the range is checked.
    /// </summary>
    public static class TomonNotificationLevel
    {
        /// <summary>The lowest level (all messages).</summary>
        public const int Minimum = 0;

        /// <summary>The highest level (inherit, for a channel override).</summary>
        public const int Maximum = 3;

        /// <summary>Returns <paramref name="level"/>, or throws naming it when it is out of range.</summary>
        /// <exception cref="ArgumentException">Out of range.</exception>
        public static int Validate(int level, string parameterName)
        {
            if (level < Minimum || level > Maximum)
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "'{0}' is not a notification level: expected a whole number from {1} to {2}.", level, Minimum, Maximum),
                    parameterName);
            return level;
        }
    }
}
