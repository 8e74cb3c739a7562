using System;
using ChatPS.Kook;
using ChatPS.Kook.Models;

namespace ChatPS.Automation
{
    /// <summary>
    /// A KOOK connection as the module hands it to scripts (<c>Connect-Kook -PassThru</c>). Shows where it
    /// points and who it is; the token is inside the client and is never a property.
    /// </summary>
    public sealed class KookConnection : IDisposable
    {
        private readonly Lazy<KookUser>? _user;

        /// <param name="client">The connected client.</param>
        /// <param name="user">The token check's reply, read when <see cref="User"/> is first asked for; null when not validated.</param>
        internal KookConnection(KookClient client, Lazy<KookUser>? user)
        {
            Client = client;
            _user = user;
            ConnectedAt = DateTimeOffset.Now;
        }

        /// <summary>Always <see cref="ChatPlatform.Kook"/>.</summary>
        public ChatPlatform Platform => ChatPlatform.Kook;

        /// <summary>The API root.</summary>
        public Uri BaseUri => Client.BaseUri;

        /// <summary>Bot or OAuth token.</summary>
        public KookTokenType TokenType => Client.TokenType;

        /// <summary>
        /// The account the token belongs to, read from the token check's reply when first asked for: null with
        /// <c>-SkipValidation</c>, and null when a field of that reply cannot be read (<see cref="UserError"/> says why).
        /// </summary>
        /// <remarks>
        /// Never throws: PowerShell reads this (through <see cref="ToString"/>) while binding <c>-Connection</c>, so a
        /// bad field in the service's reply would otherwise fail every later command that names the connection, and
        /// blame the caller's argument for it. The token check itself passed, and the connection works.
        /// </remarks>
        public KookUser? User
        {
            get
            {
                if (_user is null) return null;
                try
                {
                    return _user.Value;
                }
                catch (Http.ChatApiException ex)
                {
                    // Lazy caches the exception: every read answers the same, at no further cost.
                    UserError = ex.Message;
                    return null;
                }
            }
        }

        /// <summary>Why <see cref="User"/> is null although the connection was validated: the reply's user could not be read.</summary>
        public string? UserError { get; private set; }

        /// <summary>The account's <c>name#1234</c>, or null if not validated (or its reply could not be read).</summary>
        public string? UserName => User?.FullName;

        /// <summary>When the connection was made.</summary>
        public DateTimeOffset ConnectedAt { get; }

        /// <summary>False once disconnected.</summary>
        public bool IsConnected { get; private set; } = true;

        internal KookClient Client { get; }

        /// <summary>Describes the connection without secrets.</summary>
        public override string ToString() =>
            "KOOK " + (UserName ?? (UserError != null ? "(user unreadable)" : "(not validated)")) + " at " + BaseUri;

        /// <summary>Closes the connection's pooled HTTP connections.</summary>
        public void Dispose()
        {
            if (!IsConnected) return;
            IsConnected = false;
            Client.Dispose();
        }
    }
}
