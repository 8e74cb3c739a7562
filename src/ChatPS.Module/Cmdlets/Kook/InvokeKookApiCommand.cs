using System.Management.Automation;
using ChatPS.Automation;

namespace ChatPS.Module.Cmdlets.Kook
{
    /// <summary>Invoke-KookApi: any KOOK endpoint with ChatPS's auth, limiter, retries and errors; returns <c>data</c>.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "KookApi", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeKookApiCommand : InvokeApiCmdlet
    {
        /// <summary>The connection to use (from <c>Connect-Kook -PassThru</c>); defaults to the session's.</summary>
        [Parameter]
        [ValidateNotNull]
        public KookConnection? Connection { get; set; }

        /// <inheritdoc />
        protected override ChatPlatform Platform => ChatPlatform.Kook;

        /// <inheritdoc />
        protected override Sender ResolveSender() => SessionConnections.ResolveKook(Connection).Client.SendAsync;
    }
}
