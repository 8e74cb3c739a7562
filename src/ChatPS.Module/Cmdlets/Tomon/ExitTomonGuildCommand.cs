using System.Linq;
using System.Management.Automation;
using ChatPS.Automation;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Exit-TomonGuild: leaves guilds (<c>DELETE /users/@me/guilds/{id}</c>).</summary>
    [Cmdlet(VerbsCommon.Exit, "TomonGuild", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class ExitTomonGuildCommand : TomonCmdlet
    {
        private ProgressTracker? _progress;

        /// <summary>Guild ids to leave; guild objects bind by their Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GuildId")]
        [ValidateNotNullOrEmpty]
        [ValidatePattern(ChatIds.Pattern)]
        [ArgumentCompleter(typeof(TomonGuildIdCompleter))]
        public string[]? Id { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            if (!MyInvocation.ExpectingInput && Id != null) _progress = new ProgressTracker("Exit-TomonGuild", Id.Length);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            foreach (var id in Id!)
            {
                if (_progress != null) ShowProgress(_progress, id);
                if (ShouldProcess(OperationText.Guild(connection, id), "Leave") &&
                    TryRun(token => connection.Client.Guilds.LeaveAsync(id, token), id))
                    connection.GuildCache = connection.GuildCache.Where(g => g.Id != id).ToArray();
                _progress?.Advance();
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (_progress != null) CompleteProgress(_progress);
        }
    }
}
