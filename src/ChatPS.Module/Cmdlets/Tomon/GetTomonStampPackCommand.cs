using System.Management.Automation;
using ChatPS.Tomon.Models;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Get-TomonStampPack: the stamp packs in the user's collection.</summary>
    [Cmdlet(VerbsCommon.Get, "TomonStampPack")]
    [OutputType(typeof(TomonStampPackEntry))]
    public sealed class GetTomonStampPackCommand : TomonCmdlet
    {
        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var client = Client;
            if (TryRun(token => client.StampPacks.ListAsync(token), "users/@me/stamppacks", out var packs))
                foreach (var pack in packs) WriteModel(pack);
        }
    }
}
