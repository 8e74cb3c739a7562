using System;

namespace ChatPS.Automation
{
    /// <summary>A cmdlet needs a connection and there is none.</summary>
    public sealed class NotConnectedException : InvalidOperationException
    {
        /// <summary>Creates the exception for <paramref name="platform"/>.</summary>
        public NotConnectedException(ChatPlatform platform)
            : base($"Not connected to {platform}. Run Connect-{platform} first, or pass -Connection (from Connect-{platform} -PassThru).")
        {
            Platform = platform;
        }

        /// <summary>The platform with no connection.</summary>
        public ChatPlatform Platform { get; }
    }
}
