using System.Management.Automation;
using ChatPS.Kook.Models;

namespace ChatPS.Module.Cmdlets.Kook
{
    /// <summary>Get-KookBotOnlineStatus: <c>user/get-online-status</c>.</summary>
    [Cmdlet(VerbsCommon.Get, "KookBotOnlineStatus")]
    [OutputType(typeof(KookOnlineStatus))]
    public sealed class GetKookBotOnlineStatusCommand : KookCmdlet
    {
        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var client = Client;
            if (TryRun(token => client.Users.GetOnlineStatusAsync(token), "user/get-online-status", out var status)) WriteModel(status);
        }
    }
}
