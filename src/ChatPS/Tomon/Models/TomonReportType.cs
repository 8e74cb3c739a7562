namespace ChatPS.Tomon.Models
{
    /// <summary>What a report is about.</summary>
    public enum TomonReportType
    {
        /// <summary>0: something else.</summary>
        Other = 0,

        /// <summary>1: a user.</summary>
        User = 1,

        /// <summary>2: a guild.</summary>
        Guild = 2,
    }
}
