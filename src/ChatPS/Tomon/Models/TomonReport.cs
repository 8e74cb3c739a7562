using System;
using ChatPS.Json;

namespace ChatPS.Tomon.Models
{
    /// <summary>A report filed with <c>POST /users/@me/reports</c>.</summary>
    public sealed class TomonReport : ApiModel
    {
        /// <summary>Snowflake id.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The reporter's user id.</summary>
        public string? UserId { get; set; }

        /// <summary>Id of what is reported.</summary>
        public string TargetId { get; set; } = string.Empty;

        /// <summary>What kind of thing is reported.</summary>
        public TomonReportType Type { get; set; }

        /// <summary>Moderation state.</summary>
        public TomonReportState State { get; set; }

        /// <summary>The reason.</summary>
        public TomonReportReason Reason { get; set; }

        /// <summary>The reporter's comment.</summary>
        public string? Comment { get; set; }

        /// <summary>Last update time.</summary>
        public DateTimeOffset? UpdatedAt { get; set; }

        /// <inheritdoc />
        public override string ToString() => Type + " " + TargetId + " (" + Reason + ", " + State + ")";
    }
}
