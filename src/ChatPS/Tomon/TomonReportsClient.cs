using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Http;
using ChatPS.Tomon.Models;

namespace ChatPS.Tomon
{
    /// <summary><c>POST /users/@me/reports</c>, as JSON, or as multipart with image evidence.</summary>
    public sealed class TomonReportsClient
    {
        private readonly TomonApiConnection _connection;

        internal TomonReportsClient(TomonApiConnection connection) => _connection = connection;

        /// <summary>
        /// Files a report. Without evidence the body is JSON; with evidence it is <c>multipart/form-data</c>
        /// with a <c>payload_json</c> field and one part per image, streamed from disk. Everything is
        /// validated before anything is sent.
        /// </summary>
        /// <exception cref="ArgumentException">A bad report field.</exception>
        /// <exception cref="ReportEvidenceException">An evidence file is missing, unreadable, not an image, or too large.</exception>
        public Task<TomonReport> CreateAsync(TomonReportRequest report, IEnumerable<string>? evidencePaths = null, long maxEvidenceBytes = ReportEvidence.DefaultMaxBytes, CancellationToken cancellationToken = default)
        {
            if (report is null) throw new ArgumentNullException(nameof(report));
            report.Validate();
            return CreateAsync(report, ReportEvidence.Validate(evidencePaths ?? Enumerable.Empty<string>(), maxEvidenceBytes), cancellationToken);
        }

        /// <summary>
        /// Files a report with evidence already checked by <see cref="ReportEvidence.Validate"/> (as a caller does
        /// that must refuse bad files before asking for confirmation), so the files are not read twice.
        /// </summary>
        /// <exception cref="ArgumentException">A bad report field.</exception>
        public Task<TomonReport> CreateAsync(TomonReportRequest report, IReadOnlyList<EvidenceFile> evidence, CancellationToken cancellationToken = default)
        {
            if (report is null) throw new ArgumentNullException(nameof(report));
            if (evidence is null) throw new ArgumentNullException(nameof(evidence));
            report.Validate();
            var files = evidence;
            var payload = new Dictionary<string, object?>
            {
                ["target_id"] = report.TargetId,
                ["type"] = (int)report.Type,
                // New reports are always pending; the contract's example sends it.
                ["state"] = (int)TomonReportState.Pending,
                ["reason"] = (int)report.Reason,
                ["comment"] = report.Comment ?? string.Empty,
            };
            var request = new ApiRequest(HttpMethod.Post, "users/@me/reports")
            {
                Content = files.Count == 0 ? JsonBody.Of(payload) : Multipart(payload, files),
            };
            return _connection.SendAsync<TomonReport>(request, cancellationToken);
        }

        private static Func<HttpContent> Multipart(Dictionary<string, object?> payload, IReadOnlyList<EvidenceFile> files)
        {
            string payloadJson = JsonSerializer.Serialize(payload);
            return () =>
            {
                var content = new MultipartFormDataContent();
                content.Add(new StringContent(payloadJson, System.Text.Encoding.UTF8, "application/json"), "payload_json");
                for (int i = 0; i < files.Count; i++)
                {
                    var file = files[i];
                    // Opened per attempt and streamed; disposing the content closes it.
                    var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                    var part = new StreamContent(stream, 81920);
                    part.Headers.ContentType = new MediaTypeHeaderValue(file.MediaType);
                    content.Add(part, "file" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), file.FileName);
                }
                return content;
            };
        }
    }
}
