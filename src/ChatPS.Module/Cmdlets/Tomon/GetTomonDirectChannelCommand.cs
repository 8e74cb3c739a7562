using System.Management.Automation;
using ChatPS.Tomon.Models;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Get-TomonDirectChannel: the user's direct-message channels.</summary>
    [Cmdlet(VerbsCommon.Get, "TomonDirectChannel")]
    [OutputType(typeof(TomonDirectChannel))]
    public sealed class GetTomonDirectChannelCommand : TomonCmdlet
    {
        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var client = Client;
            if (TryRun(token => client.DirectChannels.ListAsync(token), "users/@me/channels", out var channels))
                foreach (var channel in channels) WriteModel(channel);
        }
    }
}
