using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Automation;

namespace ChatPS.Module.Cmdlets
{
    /// <summary>A raw API call: what Invoke-KookApi and Invoke-TomonApi share.</summary>
    public abstract class InvokeApiCmdlet : ChatCmdlet
    {
        /// <summary>Sends one raw call on the platform's client.</summary>
        protected delegate Task<JsonElement> Sender(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string?>>? query, object? body, CancellationToken cancellationToken);

        /// <summary>Path under the API root.</summary>
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

        /// <summary>The platform called.</summary>
        protected abstract ChatPlatform Platform { get; }

        /// <summary>The send function of the connection in effect; throws <see cref="NotConnectedException"/> when there is none.</summary>
        protected abstract Sender ResolveSender();

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            Sender send;
            try
            {
                send = ResolveSender();
            }
            catch (NotConnectedException ex)
            {
                Report(ex, null, forceTerminating: true);
                return;
            }
            if (!string.Equals(Method, "GET", StringComparison.OrdinalIgnoreCase) &&
                !ShouldProcess(OperationText.ApiCall(Platform, Method, Path), "Invoke")) return;

            var method = new HttpMethod(Method.ToUpperInvariant());
            var query = PSObjectConverter.Pairs(Query).Select(p => new KeyValuePair<string, string?>(p.Key, QueryValues.Format(p.Value))).ToList();
            var body = PSObjectConverter.ToPlain(Body);
            if (TryRun(token => send(method, Path, query, body, token), Path, out var data))
                WriteObject(PSObjectConverter.FromJson(data), enumerateCollection: true);
        }
    }
}
