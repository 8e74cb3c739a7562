using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Automation;
using ChatPS.Tomon;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>What Add-TomonStampPack and Remove-TomonStampPack share: ids from the pipeline, one confirmed call each, several at a time.</summary>
    public abstract class StampPackCmdlet : TomonCmdlet
    {
        private OrderedBulkRunner<string, bool>? _runner;

        /// <summary>Stamp pack ids; objects with an Id or PackId property bind by it.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PackId")]
        [ValidateNotNullOrEmpty]
        [ValidatePattern(ChatIds.Pattern)]
        public string[]? Id { get; set; }

        /// <summary>Calls in flight at once (1–32, default 4).</summary>
        [Parameter]
        [ValidateRange(1, OrderedBulkRunner<string, string>.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>The ShouldProcess action, e.g. "Add".</summary>
        protected abstract string Action { get; }

        /// <summary>The call for one pack.</summary>
        protected abstract Task ApplyAsync(TomonStampPacksClient packs, string id, CancellationToken cancellationToken);

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            var packs = Client.StampPacks;
            _runner = CreateRunner<string, bool>(async (id, token) =>
            {
                await ApplyAsync(packs, id, token).ConfigureAwait(false);
                return true;
            }, ThrottleLimit);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (var id in Id!)
                if (ShouldProcess(OperationText.StampPack(id), Action)) Submit(_runner!, id, Emit);
        }

        /// <inheritdoc />
        protected override void EndProcessing() => Drain(_runner, Emit);

        /// <inheritdoc />
        protected override void DisposeResources() => _runner?.Dispose();

        private void Emit(BulkResult<string, bool> result)
        {
            if (!result.Succeeded) Report(result.Error!, result.Input);
        }
    }
}
