namespace ChatPS.Kook
{
    /// <summary>How KOOK's Authorization header names the token.</summary>
    public enum KookTokenType
    {
        /// <summary>A bot token: <c>Authorization: Bot &lt;token&gt;</c>.</summary>
        Bot,

        /// <summary>An OAuth access token: <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
        Bearer,
    }
}
