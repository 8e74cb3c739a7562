using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatPS.Json
{
    /// <summary>
    /// Base of every model read from an API. Fields the model does not declare are not dropped:
    /// they land in <see cref="AdditionalProperties"/> as plain .NET values (string, long, double,
    /// bool, null, object[], ordered dictionaries), which PowerShell displays and serialises naturally,
    /// and they are written back out when the model is serialised again.
    /// </summary>
    public abstract class ApiModel : IJsonOnDeserialized
    {
        /// <summary>Fields the API sent that this model does not declare, keyed by their wire names.</summary>
        [JsonExtensionData]
        public IDictionary<string, object?>? AdditionalProperties { get; set; }

        void IJsonOnDeserialized.OnDeserialized()
        {
            if (AdditionalProperties is null) return;
            var plain = new Dictionary<string, object?>(AdditionalProperties.Count);
            foreach (var pair in AdditionalProperties)
                plain[pair.Key] = pair.Value is JsonElement element ? JsonValues.ToPlain(element) : pair.Value;
            AdditionalProperties = plain;
        }
    }
}
