using System.Linq;
using System.Management.Automation;
using ChatPS.Automation;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Exit-TomonGuild: leaves guilds (<c>DELETE /users/@me/guilds/{id}</c>), several at a time.</summary>
    [Cmdlet(VerbsCommon.Exit, "TomonGuild", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class ExitTomonGuildCommand : TomonCmdlet
    {
        private ProgressTracker? _progress;
        private OrderedBulkRunner<string, bool>? _runner;
        private TomonConnection? _connection;

        /// <summary>Guild ids to leave; guild objects bind by their Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GuildId")]
        [ValidateNotNullOrEmpty]
        [ValidatePattern(ChatIds.Pattern)]
        [ArgumentCompleter(typeof(TomonGuildIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>Guilds left at once (1–32, default 4).</summary>
        [Parameter]
        [ValidateRange(1, OrderedBulkRunner<string, string>.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = 4;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            _connection = ActiveConnection;
            var guilds = _connection.Client.Guilds;
            _runner = CreateRunner<string, bool>(async (id, token) =>
            {
                await guilds.LeaveAsync(id, token).ConfigureAwait(false);
                return true;
            }, ThrottleLimit);
            if (!MyInvocation.ExpectingInput && Id != null) _progress = new ProgressTracker("Exit-TomonGuild", Id.Length);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (var id in Id!)
            {
                // Confirmation is asked here, on the pipeline thread, before the call is queued.
                if (ShouldProcess(OperationText.Guild(_connection!, id), "Leave")) Submit(_runner!, id, Emit);
                else _progress?.Advance();
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            Drain(_runner, Emit);
            if (_progress != null) CompleteProgress(_progress);
        }

        /// <inheritdoc />
        protected override void DisposeResources() => _runner?.Dispose();

        private void Emit(BulkResult<string, bool> result)
        {
            if (result.Succeeded) _connection!.GuildCache = _connection.GuildCache.Where(g => g.Id != result.Input).ToArray();
            else Report(result.Error!, result.Input);
            if (_progress is null) return;
            _progress.Advance();
            ShowProgress(_progress, result.Input);
        }
    }
}
