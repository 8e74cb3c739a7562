using System;

namespace ChatPS
{
    /// <summary>
    /// Validation of platform ids before anything is sent. KOOK ids and Tomon snowflakes are both
    /// unsigned decimal numbers (a snowflake fits in 20 digits), and both stay strings: a snowflake
    /// does not survive a round trip through a double.
    /// </summary>
    public static class ChatIds
    {
        /// <summary>The pattern an id matches: 1 to 20 ASCII digits (usable in <c>[ValidatePattern]</c>).</summary>
        public const string Pattern = "^[0-9]{1,20}$";

        /// <summary>True when <paramref name="id"/> (trimmed) is 1 to 20 ASCII digits.</summary>
        public static bool IsValid(string? id)
        {
            if (id is null) return false;
            string t = id.Trim();
            if (t.Length == 0 || t.Length > 20) return false;
            foreach (char c in t)
                if (c < '0' || c > '9') return false;
            return true;
        }

        /// <summary>Returns the trimmed id, or throws <see cref="ArgumentException"/> naming the bad value.</summary>
        public static string Validate(string? id, string parameterName)
        {
            if (!IsValid(id))
                throw new ArgumentException($"'{id}' is not a valid id: expected 1 to 20 digits.", parameterName);
            return id!.Trim();
        }
    }
}
