using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Automation;
using ChatPS.Tomon;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>What Add-TomonStampPack and Remove-TomonStampPack share: ids from the pipeline, one confirmed call each.</summary>
    public abstract class StampPackCmdlet : TomonCmdlet
    {
        /// <summary>Stamp pack ids; objects with an Id or PackId property bind by it.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PackId")]
        [ValidateNotNullOrEmpty]
        [ValidatePattern(ChatIds.Pattern)]
        public string[]? Id { get; set; }

        /// <summary>The ShouldProcess action, e.g. "Add".</summary>
        protected abstract string Action { get; }

        /// <summary>The call for one pack.</summary>
        protected abstract Task ApplyAsync(TomonStampPacksClient packs, string id, CancellationToken cancellationToken);

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var packs = Client.StampPacks;
            foreach (var id in Id!)
                if (ShouldProcess(OperationText.StampPack(id), Action)) TryRun(token => ApplyAsync(packs, id, token), id);
        }
    }
}
