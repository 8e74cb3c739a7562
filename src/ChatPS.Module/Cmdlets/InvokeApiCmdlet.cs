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
    /// <summary>What Invoke-KookApi and Invoke-TomonApi share: the parameters and how they become a call.</summary>
    internal static class InvokeApi
    {
        public const string Methods = "GET,POST,PUT,PATCH,DELETE";

        public static HttpMethod Method(string method) => new HttpMethod(method.ToUpperInvariant());

        public static IEnumerable<KeyValuePair<string, string?>> Query(IDictionary? query) =>
            PSObjectConverter.Pairs(query).Select(p => new KeyValuePair<string, string?>(p.Key, QueryValues.Format(p.Value))).ToList();

        public static object? Body(object? body) => PSObjectConverter.ToPlain(body);
    }
}
