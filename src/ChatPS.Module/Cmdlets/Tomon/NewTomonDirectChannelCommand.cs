using System.Management.Automation;
using ChatPS.Automation;
using ChatPS.Tomon.Models;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>
    /// New-TomonDirectChannel: opens a DM channel with the recipients (one channel per pipeline input;
    /// the service returns the existing channel for the same recipients).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TomonDirectChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(TomonDirectChannel))]
    public sealed class NewTomonDirectChannelCommand : TomonCmdlet
    {
        /// <summary>User ids; user objects bind by their Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "UserId")]
        [ValidateNotNullOrEmpty]
        [ValidatePattern(ChatIds.Pattern)]
        public string[]? RecipientId { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var client = Client;
            var recipients = RecipientId!;
            if (!ShouldProcess(OperationText.DirectChannel(recipients), "Open")) return;
            if (TryRun(token => client.DirectChannels.CreateAsync(recipients, token), recipients, out var channel)) WriteModel(channel);
        }
    }
}
