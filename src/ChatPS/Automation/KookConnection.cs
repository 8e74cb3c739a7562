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

        /// <summary>The account the token belongs to (null with <c>-SkipValidation</c>), read from the token check's reply when first asked for.</summary>
        /// <exception cref="Http.ChatResponseFormatException">That reply's user does not have a user's shape.</exception>
        public KookUser? User => _user?.Value;

        /// <summary>The account's <c>name#1234</c>, or null if not validated.</summary>
        public string? UserName => User?.FullName;

        /// <summary>When the connection was made.</summary>
        public DateTimeOffset ConnectedAt { get; }

        /// <summary>False once disconnected.</summary>
        public bool IsConnected { get; private set; } = true;

        internal KookClient Client { get; }

        /// <summary>Describes the connection without secrets.</summary>
        public override string ToString() => "KOOK " + (UserName ?? "(not validated)") + " at " + BaseUri;

        /// <summary>Closes the connection's pooled HTTP connections.</summary>
        public void Dispose()
        {
            if (!IsConnected) return;
            IsConnected = false;
            Client.Dispose();
        }
    }
}
