using System.Management.Automation;
using ChatPS.Tomon.Models;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>New-TomonInvite: this week's invite code (created, or the existing one: one a week).</summary>
    [Cmdlet(VerbsCommon.New, "TomonInvite", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(TomonInvite))]
    public sealed class NewTomonInviteCommand : TomonCmdlet
    {
        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var client = Client;
            if (!ShouldProcess("Tomon invite of this week", "Create")) return;
            if (TryRun(token => client.Invites.CreateAsync(token), "users/@me/tickets", out var invite)) WriteModel(invite);
        }
    }
}
