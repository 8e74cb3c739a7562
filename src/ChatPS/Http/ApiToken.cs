using System;
using System.Runtime.InteropServices;
using System.Security;

namespace ChatPS.Http
{
    /// <summary>
    /// A bearer secret (bot token, OAuth token, session token) held as a <see cref="SecureString"/>.
    /// It is turned into plain text only inside the HTTP layer, for the one header that needs it, and
    /// never appears in <see cref="ToString"/>, logs or exception messages.
    /// </summary>
    public sealed class ApiToken
    {
        private readonly SecureString _secret;

        /// <summary>Wraps a secure string; the instance is copied and made read-only.</summary>
        public ApiToken(SecureString secret)
        {
            if (secret is null) throw new ArgumentNullException(nameof(secret));
            if (secret.Length == 0) throw new ArgumentException("The token is empty.", nameof(secret));
            _secret = secret.Copy();
            _secret.MakeReadOnly();
        }

        /// <summary>Creates a token from plain text (environment variables, tests); the string is copied into a secure string.</summary>
        public static ApiToken FromPlainText(string token)
        {
            if (string.IsNullOrWhiteSpace(token)) throw new ArgumentException("The token is empty.", nameof(token));
            var secure = new SecureString();
            foreach (var c in token.Trim()) secure.AppendChar(c);
            return new ApiToken(secure);
        }

        /// <summary>Number of characters in the token; lets callers validate without revealing it.</summary>
        public int Length => _secret.Length;

        /// <summary>Always a redacted placeholder, so a token printed by accident shows nothing.</summary>
        public override string ToString() => SecretRedactor.Placeholder;

        /// <summary>The plain text, for building the Authorization header. Callers must not keep or log it.</summary>
        internal string Reveal()
        {
            IntPtr ptr = IntPtr.Zero;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(_secret);
                return Marshal.PtrToStringUni(ptr) ?? string.Empty;
            }
            finally
            {
                if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }
    }
}
