namespace ChatPS
{
    /// <summary>The chat platforms ChatPS talks to.</summary>
    public enum ChatPlatform
    {
        /// <summary>KOOK (kookapp.cn), v3 API.</summary>
        Kook,

        /// <summary>Tomon (tomon.co), v1 API.</summary>
        Tomon,
    }
}
