using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ChatPS.Json
{
    /// <summary>Turns <see cref="JsonElement"/> values into plain .NET values that PowerShell handles as it handles its own data.</summary>
    public static class JsonValues
    {
        /// <summary>
        /// A JSON string's text. An escaped lone surrogate (<c>"\ud800"</c>), valid JSON that .NET strings cannot hold as
        /// text System.Text.Json will hand out, is kept as its escape, as written: a reply is not lost over one character.
        /// </summary>
        public static string? StringOf(JsonElement element)
        {
            try
            {
                return element.GetString();
            }
            catch (InvalidOperationException)
            {
                string? raw = RawText(element);
                return raw != null && raw.Length >= 2 ? raw.Substring(1, raw.Length - 2) : raw;
            }
        }

        /// <summary>The element's JSON text, or null when it cannot be transcoded.</summary>
        public static string? RawText(JsonElement element)
        {
            try
            {
                return element.GetRawText();
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        /// <summary>
        /// string, long (or decimal/double when not integral), bool, null, object?[] for arrays and
        /// <see cref="Dictionary{TKey,TValue}"/> (insertion-ordered) for objects.
        /// </summary>
        public static object? ToPlain(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return StringOf(element);
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
                    int index = 0;
                    foreach (var property in element.EnumerateObject())
                    {
                        // A name System.Text.Json cannot turn into a string (a lone surrogate) keeps its value under a stand-in.
                        string name;
                        try
                        {
                            name = property.Name;
                        }
                        catch (InvalidOperationException)
                        {
                            name = "(unreadable name " + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
                        }
                        map[name] = ToPlain(property.Value);
                        index++;
                    }
                    return map;
                default:
                    return null;
            }
        }
    }
}
