using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Kook;
using ChatPS.Kook.Models;

namespace ChatPS.Module.Cmdlets.Kook
{
    /// <summary>Set-KookBotOnline: <c>user/online</c> for a webhook bot.</summary>
    [Cmdlet(VerbsCommon.Set, "KookBotOnline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KookOnlineStatus))]
    public sealed class SetKookBotOnlineCommand : SetKookBotStateCmdlet
    {
        /// <inheritdoc />
        protected override string Action => "Bring online";

        /// <inheritdoc />
        protected override Task ChangeAsync(KookUsersClient users, CancellationToken cancellationToken) => users.GoOnlineAsync(cancellationToken);
    }
}
