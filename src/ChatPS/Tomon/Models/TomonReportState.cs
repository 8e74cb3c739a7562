namespace ChatPS.Tomon.Models
{
    /// <summary>Where a report is in moderation; every new report starts as <see cref="Pending"/>.</summary>
    public enum TomonReportState
    {
        /// <summary>0: waiting for a moderator.</summary>
        Pending = 0,

        /// <summary>1: resolved.</summary>
        Resolved = 1,

        /// <summary>2: rejected.</summary>
        Rejected = 2,

        /// <summary>3: deleted.</summary>
        Deleted = 3,
    }
}
