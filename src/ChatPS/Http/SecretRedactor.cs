using System;

namespace ChatPS.Http
{
    /// <summary>Removes secrets from text that may be shown to a user: server messages can echo a token back.</summary>
    public static class SecretRedactor
    {
        /// <summary>What a secret is replaced with.</summary>
        public const string Placeholder = "***";

        /// <summary>Returns <paramref name="text"/> with every occurrence of <paramref name="secret"/> replaced.</summary>
        public static string Redact(string text, string? secret)
        {
            if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(secret)) return text;
            // Very short secrets would redact ordinary words; real tokens are long.
            if (secret!.Length < 6) return text;
            int index = text.IndexOf(secret, StringComparison.Ordinal);
            if (index < 0) return text;
            return text.Replace(secret, Placeholder);
        }
    }
}
