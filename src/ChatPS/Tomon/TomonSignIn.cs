using System;
using System.Security;
using ChatPS.Http;

namespace ChatPS.Tomon
{
    /// <summary>
    /// How to obtain a Tomon session: use a session token as it is, or exchange a bot token or a
    /// name and password at <c>POST /auth/login</c> for one.
    /// </summary>
    public sealed class TomonSignIn
    {
        private TomonSignIn(TomonSignInKind kind, ApiToken secret, string? fullName)
        {
            Kind = kind;
            Secret = secret;
            FullName = fullName;
        }

        /// <summary>Which kind of sign-in this is.</summary>
        public TomonSignInKind Kind { get; }

        /// <summary>For <see cref="TomonSignInKind.Password"/>: the account's <c>name#1234</c>.</summary>
        public string? FullName { get; }

        internal ApiToken Secret { get; }

        /// <summary>Uses <paramref name="sessionToken"/> as the bearer token without calling <c>/auth/login</c>.</summary>
        public static TomonSignIn WithSessionToken(ApiToken sessionToken) =>
            new TomonSignIn(TomonSignInKind.SessionToken, sessionToken ?? throw new ArgumentNullException(nameof(sessionToken)), null);

        /// <summary>Exchanges a bot token for a session token (<c>{"token": …}</c>).</summary>
        public static TomonSignIn WithBotToken(ApiToken botToken) =>
            new TomonSignIn(TomonSignInKind.BotToken, botToken ?? throw new ArgumentNullException(nameof(botToken)), null);

        /// <summary>Signs in with <c>name#1234</c> and a password (<c>{"full_name": …, "password": …}</c>).</summary>
        /// <exception cref="ArgumentException"><paramref name="fullName"/> is not <c>name#discriminator</c>.</exception>
        public static TomonSignIn WithPassword(string fullName, SecureString password)
        {
            if (password is null) throw new ArgumentNullException(nameof(password));
            if (string.IsNullOrWhiteSpace(fullName) || fullName.IndexOf('#') <= 0 || fullName.IndexOf('#') == fullName.Length - 1)
                throw new ArgumentException($"'{fullName}' is not a Tomon full name: expected name#1234.", nameof(fullName));
            return new TomonSignIn(TomonSignInKind.Password, new ApiToken(password), fullName.Trim());
        }

        /// <inheritdoc />
        public override string ToString() => Kind == TomonSignInKind.Password ? "Password sign-in as " + FullName : Kind.ToString();
    }

    /// <summary>The ways to sign in to Tomon.</summary>
    public enum TomonSignInKind
    {
        /// <summary>A session (bearer) token used as it is.</summary>
        SessionToken,

        /// <summary>A bot token exchanged at <c>/auth/login</c>.</summary>
        BotToken,

        /// <summary>A name#1234 and password exchanged at <c>/auth/login</c>.</summary>
        Password,
    }
}
