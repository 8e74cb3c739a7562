using System.Management.Automation;
using ChatPS.Tomon.Models;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Get-TomonUser: the signed-in profile (<c>GET /users/@me</c>).</summary>
    [Cmdlet(VerbsCommon.Get, "TomonUser")]
    [OutputType(typeof(TomonUser))]
    public sealed class GetTomonUserCommand : TomonCmdlet
    {
        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var client = Client;
            if (TryRun(token => client.Profile.GetAsync(token), "users/@me", out var user)) WriteModel(user);
        }
    }
}
