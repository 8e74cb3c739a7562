using System.Collections.Generic;
using System.Text.Json;

namespace ChatPS.Json
{
    /// <summary>Turns <see cref="JsonElement"/> values into plain .NET values that PowerShell handles as it handles its own data.</summary>
    public static class JsonValues
    {
        /// <summary>
        /// string, long (or decimal/double when not integral), bool, null, object?[] for arrays and
        /// <see cref="Dictionary{TKey,TValue}"/> (insertion-ordered) for objects.
        /// </summary>
        public static object? ToPlain(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt64(out long l)) return l;
                    if (element.TryGetDecimal(out decimal m)) return m;
                    return element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.Array:
                    var list = new List<object?>(element.GetArrayLength());
                    foreach (var item in element.EnumerateArray()) list.Add(ToPlain(item));
                    return list.ToArray();
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object?>();
                    foreach (var property in element.EnumerateObject()) map[property.Name] = ToPlain(property.Value);
                    return map;
                default:
                    return null;
            }
        }
    }
}
