using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Tomon;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Add-TomonStampPack: adds packs to the collection (<c>PUT /users/@me/stamppacks/{id}</c>).</summary>
    [Cmdlet(VerbsCommon.Add, "TomonStampPack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class AddTomonStampPackCommand : StampPackCmdlet
    {
        /// <inheritdoc />
        protected override string Action => "Add";

        /// <inheritdoc />
        protected override Task ApplyAsync(TomonStampPacksClient packs, string id, CancellationToken cancellationToken) => packs.AddAsync(id, cancellationToken);
    }
}
