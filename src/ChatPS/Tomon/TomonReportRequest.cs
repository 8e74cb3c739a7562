using System;
using ChatPS.Tomon.Models;

namespace ChatPS.Tomon
{
    /// <summary>A report to file with <c>TomonReportsClient.CreateAsync</c>.</summary>
    public sealed class TomonReportRequest
    {
        /// <summary>
        /// The longest comment accepted. The contract states no limit; 1000 characters is ample for
        /// a moderator's note and keeps a runaway value (a whole log file) from being posted.
        /// </summary>
        public const int MaxCommentLength = 1000;

        /// <summary>Id of the user, guild or other object reported.</summary>
        public string TargetId { get; set; } = string.Empty;

        /// <summary>What kind of thing is reported.</summary>
        public TomonReportType Type { get; set; } = TomonReportType.User;

        /// <summary>Why.</summary>
        public TomonReportReason Reason { get; set; } = TomonReportReason.Other;

        /// <summary>A note for the moderators.</summary>
        public string? Comment { get; set; }

        /// <summary>Describes the report, e.g. for a confirmation prompt.</summary>
        public override string ToString() => $"Report {Type.ToString().ToLowerInvariant()} {TargetId} for {Reason}";

        /// <summary>Throws <see cref="ArgumentException"/> for a report that would be refused.</summary>
        public void Validate()
        {
            TargetId = ChatIds.Validate(TargetId, nameof(TargetId));
            if (!Enum.IsDefined(typeof(TomonReportType), Type))
                throw new ArgumentException($"'{(int)Type}' is not a report type (Other, User, Guild).", nameof(Type));
            if (!Enum.IsDefined(typeof(TomonReportReason), Reason))
                throw new ArgumentException($"'{(int)Reason}' is not a report reason (Other, Illegal, Spam, Harassment, HarmfulToMinors).", nameof(Reason));
            if (Comment != null && Comment.Length > MaxCommentLength)
                throw new ArgumentException($"The comment is {Comment.Length} characters; the limit is {MaxCommentLength}.", nameof(Comment));
        }
    }
}
