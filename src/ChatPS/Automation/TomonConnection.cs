using System;
using System.Collections.Generic;
using ChatPS.Tomon;
using ChatPS.Tomon.Models;

namespace ChatPS.Automation
{
    /// <summary>
    /// A Tomon connection as the module hands it to scripts (<c>Connect-Tomon -PassThru</c>). The session
    /// token is inside the client and is never a property.
    /// </summary>
    public sealed class TomonConnection : IDisposable
    {
        private IReadOnlyList<TomonGuild> _guildCache = Array.Empty<TomonGuild>();

        internal TomonConnection(TomonClient client, TomonUser? user)
        {
            Client = client;
            User = user;
            ConnectedAt = DateTimeOffset.Now;
        }

        /// <summary>Always <see cref="ChatPlatform.Tomon"/>.</summary>
        public ChatPlatform Platform => ChatPlatform.Tomon;

        /// <summary>The API root.</summary>
        public Uri BaseUri => Client.BaseUri;

        /// <summary>How the connection signed in.</summary>
        public TomonSignInKind SignInKind => Client.SignInKind;

        /// <summary>The signed-in account (null with <c>-SkipValidation</c> and a session token).</summary>
        public TomonUser? User { get; internal set; }

        /// <summary>The account's <c>name#1234</c>, or null if not validated.</summary>
        public string? UserName => User?.FullName;

        /// <summary>When the connection was made.</summary>
        public DateTimeOffset ConnectedAt { get; }

        /// <summary>False once disconnected.</summary>
        public bool IsConnected { get; private set; } = true;

        internal TomonClient Client { get; }

        /// <summary>The guild list last read through this connection, for tab completion and confirmation prompts.</summary>
        internal IReadOnlyList<TomonGuild> GuildCache
        {
            get => _guildCache;
            set => _guildCache = value ?? Array.Empty<TomonGuild>();
        }

        /// <summary>Describes the connection without secrets.</summary>
        public override string ToString() => "Tomon " + (UserName ?? "(not validated)") + " at " + BaseUri;

        /// <summary>Closes the connection's pooled HTTP connections.</summary>
        public void Dispose()
        {
            if (!IsConnected) return;
            IsConnected = false;
            Client.Dispose();
        }
    }
}
