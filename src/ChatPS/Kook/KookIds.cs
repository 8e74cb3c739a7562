using System;

namespace ChatPS.Kook
{
    /// <summary>Validation of KOOK ids before anything is sent.</summary>
    public static class KookIds
    {
        /// <summary>The pattern a KOOK user, guild or role id matches: 1 to 20 digits.</summary>
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

        /// <summary>Throws <see cref="ArgumentException"/> naming the bad value when <paramref name="id"/> is not a KOOK id.</summary>
        public static void Validate(string? id, string parameterName)
        {
            if (!IsValid(id))
                throw new ArgumentException($"'{id}' is not a KOOK id: expected 1 to 20 digits.", parameterName);
        }
    }
}
