using System.Management.Automation;
using ChatPS.Tomon.Models;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Get-TomonInvite: the user's invite codes.</summary>
    [Cmdlet(VerbsCommon.Get, "TomonInvite")]
    [OutputType(typeof(TomonInvite))]
    public sealed class GetTomonInviteCommand : TomonCmdlet
    {
        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var client = Client;
            if (TryRun(token => client.Invites.ListAsync(token), "users/@me/tickets", out var invites))
                foreach (var invite in invites) WriteModel(invite);
        }
    }
}
