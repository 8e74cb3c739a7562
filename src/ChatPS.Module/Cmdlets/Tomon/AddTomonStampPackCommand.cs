using System.Management.Automation;
using ChatPS.Automation;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Add-TomonStampPack: adds packs to the collection (<c>PUT /users/@me/stamppacks/{id}</c>).</summary>
    [Cmdlet(VerbsCommon.Add, "TomonStampPack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class AddTomonStampPackCommand : TomonCmdlet
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
                if (ShouldProcess(OperationText.StampPack(id), "Add")) TryRun(token => client.StampPacks.AddAsync(id, token), id);
        }
    }
}
