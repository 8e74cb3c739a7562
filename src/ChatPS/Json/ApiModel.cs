using System.Text.Json.Serialization;

namespace ChatPS.Json
{
    /// <summary>
    /// Base of every model read from an API. Fields the model does not declare are not dropped: they are kept
    /// as plain .NET values (string, long, double, bool, null, object[], ordered dictionaries) and written back
    /// out when the model is serialised again. The module shows them as properties after the declared ones.
    /// </summary>
    /// <remarks>
    /// The store is internal on purpose: a public member would show on every object in PowerShell
    /// (<c>Get-Member</c>, <c>Format-List *</c>, <c>Export-Csv</c>, <c>ConvertTo-Json</c>) next to the fields it
    /// holds. <see cref="JsonIncludeAttribute"/> rather than private so System.Text.Json source generation,
    /// which is generated into this assembly, can still reach it.
    /// </remarks>
    public abstract class ApiModel
    {
        /// <summary>Fields the API sent that this model does not declare, keyed by their wire names, in wire order.</summary>
        [JsonExtensionData]
        [JsonInclude]
        internal ExtensionFields? AdditionalProperties { get; set; }
    }
}
