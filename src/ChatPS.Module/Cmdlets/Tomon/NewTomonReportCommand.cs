using System;
using System.Collections.Generic;
using System.Management.Automation;
using ChatPS.Automation;
using ChatPS.Tomon;
using ChatPS.Tomon.Models;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>New-TomonReport: files a report, with image evidence when given (checked before anything is sent).</summary>
    [Cmdlet(VerbsCommon.New, "TomonReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TomonReport))]
    public sealed class NewTomonReportCommand : TomonCmdlet
    {
        /// <summary>Id of the user, guild or other object reported; objects bind by their Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidatePattern(ChatIds.Pattern)]
        public string TargetId { get; set; } = string.Empty;

        /// <summary>What is reported: User (default), Guild or Other.</summary>
        [Parameter]
        public TomonReportType Type { get; set; } = TomonReportType.User;

        /// <summary>Why: Other, Illegal, Spam, Harassment or HarmfulToMinors.</summary>
        [Parameter(Mandatory = true)]
        public TomonReportReason Reason { get; set; }

        /// <summary>A note for the moderators (at most 1000 characters).</summary>
        [Parameter]
        [ValidateLength(0, TomonReportRequest.MaxCommentLength)]
        public string? Comment { get; set; }

        /// <summary>Image files (PNG, JPEG, GIF, WebP); wildcards are expanded.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? EvidencePath { get; set; }

        /// <summary>Largest evidence file accepted, in MiB (default 8).</summary>
        [Parameter]
        [ValidateRange(1, 1024)]
        public int MaximumEvidenceSizeMB { get; set; } = (int)(ReportEvidence.DefaultMaxBytes / (1024 * 1024));

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var client = Client;
            var report = new TomonReportRequest { TargetId = TargetId, Type = Type, Reason = Reason, Comment = Comment };
            IReadOnlyList<EvidenceFile> evidence;
            try
            {
                report.Validate();
                evidence = ReportEvidence.Validate(ResolveEvidence(), MaximumEvidenceSizeMB * 1024L * 1024L);
            }
            catch (ReportEvidenceException ex)
            {
                Report(ex, ex.Path);
                return;
            }
            catch (ArgumentException ex)
            {
                Report(ex, TargetId);
                return;
            }

            if (!ShouldProcess(OperationText.Report(report), OperationText.ReportAction(report, evidence.Count))) return;
            if (TryRun(token => client.Reports.CreateAsync(report, evidence, token), TargetId, out var created))
                WriteModel(created);
        }

        /// <summary>Provider paths for the evidence: wildcards expanded, plain paths resolved against the current location.</summary>
        private IReadOnlyList<string> ResolveEvidence()
        {
            var resolved = new List<string>();
            foreach (var path in EvidencePath ?? Array.Empty<string>())
            {
                if (WildcardPattern.ContainsWildcardCharacters(path))
                {
                    try
                    {
                        resolved.AddRange(ReportEvidence.RequireMatches(path, GetResolvedProviderPathFromPSPath(path, out _)));
                    }
                    catch (ItemNotFoundException ex)
                    {
                        throw new ReportEvidenceException(path, EvidenceProblem.NotFound, $"No evidence file matches '{path}'.", ex);
                    }
                }
                else
                {
                    resolved.Add(GetUnresolvedProviderPathFromPSPath(path));
                }
            }
            return resolved;
        }
    }
}
