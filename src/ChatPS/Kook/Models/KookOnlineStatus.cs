using System;
using ChatPS.Json;

namespace ChatPS.Kook.Models
{
    /// <summary>The bot's online state from <c>user/get-online-status</c>.</summary>
    public sealed class KookOnlineStatus : ApiModel
    {
        /// <summary>Whether the bot is online.</summary>
        public bool Online { get; set; }

        /// <summary>The platforms it is online on, e.g. <c>Webhook</c>.</summary>
        public string[] OnlineOs { get; set; } = Array.Empty<string>();

        /// <inheritdoc />
        public override string ToString() => Online ? "Online (" + string.Join(", ", OnlineOs) + ")" : "Offline";
    }
}
