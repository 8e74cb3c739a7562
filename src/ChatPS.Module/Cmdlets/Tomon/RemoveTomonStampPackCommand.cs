using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Tomon;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Remove-TomonStampPack: removes packs from the collection (<c>DELETE /users/@me/stamppacks/{id}</c>).</summary>
    [Cmdlet(VerbsCommon.Remove, "TomonStampPack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveTomonStampPackCommand : StampPackCmdlet
    {
        /// <inheritdoc />
        protected override string Action => "Remove";

        /// <inheritdoc />
        protected override Task ApplyAsync(TomonStampPacksClient packs, string id, CancellationToken cancellationToken) => packs.RemoveAsync(id, cancellationToken);
    }
}
