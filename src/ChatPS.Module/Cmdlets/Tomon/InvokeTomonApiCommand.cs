using System.Management.Automation;
using ChatPS.Automation;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Invoke-TomonApi: any Tomon endpoint with ChatPS's auth, limiter, retries and errors; returns the reply body.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "TomonApi", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeTomonApiCommand : InvokeApiCmdlet
    {
        /// <summary>The connection to use (from <c>Connect-Tomon -PassThru</c>); defaults to the session's.</summary>
        [Parameter]
        [ValidateNotNull]
        public TomonConnection? Connection { get; set; }

        /// <inheritdoc />
        protected override ChatPlatform Platform => ChatPlatform.Tomon;

        /// <inheritdoc />
        protected override Sender ResolveSender() => SessionConnections.ResolveTomon(Connection).Client.SendAsync;
    }
}
