namespace ChatPS.Tomon.Models
{
    /// <summary>Why something is reported.</summary>
    public enum TomonReportReason
    {
        /// <summary>0: another reason (explain in the comment).</summary>
        Other = 0,

        /// <summary>1: illegal content.</summary>
        Illegal = 1,

        /// <summary>2: spam.</summary>
        Spam = 2,

        /// <summary>3: harassment.</summary>
        Harassment = 3,

        /// <summary>4: harmful to minors.</summary>
        HarmfulToMinors = 4,
    }
}
