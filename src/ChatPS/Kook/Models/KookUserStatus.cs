namespace ChatPS.Kook.Models
{
    /// <summary>KOOK's user <c>status</c>: 0 and 1 are both normal accounts, 10 is banned. Other values pass through as numbers.</summary>
    public enum KookUserStatus
    {
        /// <summary>0: a normal account.</summary>
        Normal = 0,

        /// <summary>1: also a normal account (KOOK documents 0 and 1 as normal).</summary>
        Active = 1,

        /// <summary>10: the account is banned.</summary>
        Banned = 10,
    }
}
