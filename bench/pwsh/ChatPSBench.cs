// Compiled by Measure-ChatPS.ps1 with Add-Type, against the module's own ChatPS.dll.
// Two things PowerShell script cannot measure without adding its own interpreter cost to every call:
// the core client called directly (what a cmdlet adds is measured against it), and a cmdlet that does
// nothing but bind the same parameters Get-KookUser binds (the pipeline's floor).
#nullable enable
using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Kook;

namespace ChatPSBench
{
    /// <summary>The core call, timed from inside the same pwsh process the cmdlets run in.</summary>
    public static class CoreCalls
    {
        /// <summary>Looks the ids up one after another; returns elapsed milliseconds.</summary>
        public static double Sequential(KookClient client, string[] ids)
        {
            var watch = Stopwatch.StartNew();
            RunSequentialAsync(client, ids).GetAwaiter().GetResult();
            return watch.Elapsed.TotalMilliseconds;
        }

        /// <summary>Looks the ids up with <paramref name="concurrency"/> calls in flight; returns elapsed milliseconds.</summary>
        public static double Concurrent(KookClient client, string[] ids, int concurrency)
        {
            int next = -1;
            async Task Worker()
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < ids.Length)
                    Check(await client.Users.GetAsync(ids[i], null, CancellationToken.None).ConfigureAwait(false), ids[i]);
            }
            var watch = Stopwatch.StartNew();
            Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker))).GetAwaiter().GetResult();
            return watch.Elapsed.TotalMilliseconds;
        }

        private static async Task RunSequentialAsync(KookClient client, string[] ids)
        {
            foreach (string id in ids) Check(await client.Users.GetAsync(id, null, CancellationToken.None).ConfigureAwait(false), id);
        }

        private static void Check(ChatPS.Kook.Models.KookUser user, string id)
        {
            if (user.Id != id) throw new InvalidOperationException("user/view " + id + " answered for " + user.Id);
        }
    }

    /// <summary>
    /// Get-KookUser's parameters with the same attributes, and no work: each id is written straight back.
    /// What a piped item costs here is what PowerShell charges any cmdlet for binding, validating and writing it.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "ChatPSPipelineFloor")]
    public sealed class MeasureChatPSPipelineFloorCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [ValidateNotNullOrEmpty]
        [ValidatePattern(ChatPS.ChatIds.Pattern)]
        public string[] Id { get; set; } = Array.Empty<string>();

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidatePattern(ChatPS.ChatIds.Pattern)]
        public string? GuildId { get; set; }

        [Parameter]
        [ValidateRange(1, 32)]
        public int ThrottleLimit { get; set; } = 4;

        [Parameter]
        [ValidateNotNull]
        public ChatPS.Automation.KookConnection? Connection { get; set; }

        protected override void ProcessRecord()
        {
            foreach (string id in Id) WriteObject(id);
        }
    }
}
