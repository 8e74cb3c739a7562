using System.Collections;
using System.Management.Automation;
using ChatPS.Automation;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Invoke-TomonApi: any Tomon endpoint with ChatPS's auth, limiter, retries and errors; returns the reply body.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "TomonApi", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeTomonApiCommand : TomonCmdlet
    {
        /// <summary>Path under the API root, e.g. <c>users/@me/guilds</c>.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>HTTP method (default GET).</summary>
        [Parameter(Position = 1)]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        /// <summary>Query parameters.</summary>
        [Parameter]
        public Hashtable? Query { get; set; }

        /// <summary>JSON body (a hashtable or object), sent as it is.</summary>
        [Parameter]
        public object? Body { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var client = Client;
            if (Method.ToUpperInvariant() != "GET" && !ShouldProcess(OperationText.ApiCall(ChatPlatform.Tomon, Method, Path), "Invoke")) return;
            var method = InvokeApi.Method(Method);
            var query = InvokeApi.Query(Query);
            var body = InvokeApi.Body(Body);
            if (TryRun(token => client.SendAsync(method, Path, query, body, token), Path, out var data))
                WriteObject(PSObjectConverter.FromJson(data), enumerateCollection: true);
        }
    }
}
