using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Kook;
using ChatPS.Kook.Models;

namespace ChatPS.Module.Cmdlets.Kook
{
    /// <summary>Set-KookBotOffline: <c>user/offline</c> for a webhook bot.</summary>
    [Cmdlet(VerbsCommon.Set, "KookBotOffline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KookOnlineStatus))]
    public sealed class SetKookBotOfflineCommand : SetKookBotStateCmdlet
    {
        /// <inheritdoc />
        protected override string Action => "Take offline";

        /// <inheritdoc />
        protected override Task ChangeAsync(KookUsersClient users, CancellationToken cancellationToken) => users.GoOfflineAsync(cancellationToken);
    }
}
