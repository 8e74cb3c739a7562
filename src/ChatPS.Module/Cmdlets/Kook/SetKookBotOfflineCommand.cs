using System.Management.Automation;
using ChatPS.Automation;
using ChatPS.Kook.Models;

namespace ChatPS.Module.Cmdlets.Kook
{
    /// <summary>Set-KookBotOnline: <c>user/offline</c> for a webhook bot.</summary>
    [Cmdlet(VerbsCommon.Set, "KookBotOffline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KookOnlineStatus))]
    public sealed class SetKookBotOfflineCommand : KookCmdlet
    {
        /// <summary>Writes the online status after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!ShouldProcess(OperationText.KookBot(connection), "Take offline")) return;
            var client = connection.Client;
            if (!TryRun(token => client.Users.GoOfflineAsync(token), connection)) return;
            if (PassThru && TryRun(token => client.Users.GetOnlineStatusAsync(token), connection, out var status)) WriteModel(status);
        }
    }
}
