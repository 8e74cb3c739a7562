using System.Management.Automation;
using ChatPS.Automation;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Remove-TomonStampPack: removes packs from the collection (<c>DELETE /users/@me/stamppacks/{id}</c>).</summary>
    [Cmdlet(VerbsCommon.Remove, "TomonStampPack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveTomonStampPackCommand : TomonCmdlet
    {
        /// <summary>Stamp pack ids; objects with an Id or PackId property bind by it.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PackId")]
        [ValidateNotNullOrEmpty]
        [ValidatePattern(ChatIds.Pattern)]
        public string[]? Id { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var client = Client;
            foreach (var id in Id!)
                if (ShouldProcess(OperationText.StampPack(id), "Remove")) TryRun(token => client.StampPacks.RemoveAsync(id, token), id);
        }
    }
}
