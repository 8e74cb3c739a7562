using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ChatPS.Tomon;
using ChatPS.Tomon.Models;

namespace ChatPS.Automation
{
    /// <summary>
    /// The target and action texts for ShouldProcess (what -WhatIf prints and -Confirm asks),
    /// in one place so they stay consistent and testable.
    /// </summary>
    public static class OperationText
    {
        /// <summary>Target for a KOOK bot connection.</summary>
        public static string KookBot(KookConnection connection) => "KOOK bot " + (connection.UserName ?? connection.BaseUri.ToString());

        /// <summary>Target for the Tomon profile.</summary>
        public static string TomonProfile(TomonConnection connection) => "Tomon profile " + (connection.UserName ?? "@me");

        /// <summary>Action for a profile change.</summary>
        public static string ProfileChange(TomonProfileUpdate update) => update.ToString();

        /// <summary>Target for a guild: its name when known from the connection's last list.</summary>
        public static string Guild(TomonConnection connection, string id)
        {
            var name = connection.GuildCache.FirstOrDefault(g => g.Id == id)?.Name;
            return name is null ? "Tomon guild " + id : "Tomon guild '" + name + "' (" + id + ")";
        }

        /// <summary>Target for a guild's notification settings: the guild by name when known, or the direct-message settings for <c>@me</c>.</summary>
        public static string GuildSettings(TomonConnection connection, string guildId) =>
            guildId == TomonGuildSettingsUpdate.DirectMessages
                ? "Tomon direct-message settings (@me)"
                : "Settings of " + Guild(connection, guildId);

        /// <summary>Action for a sidebar reorder, listing the new order.</summary>
        public static string GuildOrder(TomonConnection connection, IReadOnlyList<TomonGuildPosition> positions)
        {
            var names = positions.OrderBy(p => p.Position).Select(p =>
                connection.GuildCache.FirstOrDefault(g => g.Id == p.Id)?.Name ?? p.Id);
            return string.Format(CultureInfo.InvariantCulture, "Reorder {0} guild(s): {1}", positions.Count, string.Join(", ", names));
        }

        /// <summary>Target for a stamp pack.</summary>
        public static string StampPack(string id) => "Tomon stamp pack " + id;

        /// <summary>Target for a new DM channel.</summary>
        public static string DirectChannel(IEnumerable<string> recipients) => "Direct channel with " + string.Join(", ", recipients);

        /// <summary>Target for a report.</summary>
        public static string Report(TomonReportRequest report) => report.Type.ToString() + " " + report.TargetId;

        /// <summary>Action for a report.</summary>
        public static string ReportAction(TomonReportRequest report, int evidenceCount) =>
            string.Format(CultureInfo.InvariantCulture, "File a report (reason: {0}) with {1} evidence file(s)", report.Reason, evidenceCount);

        /// <summary>Target for a raw API call.</summary>
        public static string ApiCall(ChatPlatform platform, string method, string path) => platform + " " + method.ToUpperInvariant() + " " + path;
    }
}
