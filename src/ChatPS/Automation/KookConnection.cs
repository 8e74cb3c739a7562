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
        internal KookConnection(KookClient client, KookUser? user)
        {
            Client = client;
            User = user;
            ConnectedAt = DateTimeOffset.Now;
        }

        /// <summary>Always <see cref="ChatPlatform.Kook"/>.</summary>
        public ChatPlatform Platform => ChatPlatform.Kook;

        /// <summary>The API root.</summary>
        public Uri BaseUri => Client.BaseUri;

        /// <summary>Bot or OAuth token.</summary>
        public KookTokenType TokenType => Client.TokenType;

        /// <summary>The account the token belongs to (null with <c>-SkipValidation</c>).</summary>
        public KookUser? User { get; }

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
