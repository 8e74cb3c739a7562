using System.Management.Automation;
using ChatPS.Automation;
using ChatPS.Kook.Models;

namespace ChatPS.Module.Cmdlets.Kook
{
    /// <summary>Set-KookBotOnline: <c>user/online</c> for a webhook bot.</summary>
    [Cmdlet(VerbsCommon.Set, "KookBotOnline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KookOnlineStatus))]
    public sealed class SetKookBotOnlineCommand : KookCmdlet
    {
        /// <summary>Writes the online status after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!ShouldProcess(OperationText.KookBot(connection), "Bring online")) return;
            var client = connection.Client;
            if (!TryRun(token => client.Users.GoOnlineAsync(token), connection)) return;
            if (PassThru && TryRun(token => client.Users.GetOnlineStatusAsync(token), connection, out var status)) WriteModel(status);
        }
    }
}
