using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Automation;
using ChatPS.Kook;

namespace ChatPS.Module.Cmdlets.Kook
{
    /// <summary>What Set-KookBotOnline and Set-KookBotOffline share: confirm, change, optionally read the new status back.</summary>
    public abstract class SetKookBotStateCmdlet : KookCmdlet
    {
        /// <summary>Writes the online status after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The ShouldProcess action, e.g. "Bring online".</summary>
        protected abstract string Action { get; }

        /// <summary>The change itself.</summary>
        protected abstract Task ChangeAsync(KookUsersClient users, CancellationToken cancellationToken);

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!ShouldProcess(OperationText.KookBot(connection), Action)) return;
            var users = connection.Client.Users;
            if (!TryRun(token => ChangeAsync(users, token), connection)) return;
            if (PassThru && TryRun(token => users.GetOnlineStatusAsync(token), connection, out var status)) WriteModel(status);
        }
    }
}
