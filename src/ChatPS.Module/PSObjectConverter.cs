using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;
using ChatPS.Automation;
using ChatPS.Json;

namespace ChatPS.Module
{
    /// <summary>Between plain .NET data (the core's) and PowerShell's own (PSCustomObject, hashtables).</summary>
    internal static class PSObjectConverter
    {
        /// <summary>JSON to PSCustomObjects and arrays, as ConvertFrom-Json would give.</summary>
        public static object? FromJson(JsonElement element) =>
            element.ValueKind == JsonValueKind.Undefined ? null : FromPlain(JsonValues.ToPlain(element));

        /// <summary>Dictionaries become PSCustomObjects (property order kept), arrays stay arrays.</summary>
        public static object? FromPlain(object? value)
        {
            switch (value)
            {
                case Dictionary<string, object?> map:
                    var result = new PSObject();
                    var used = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
                    foreach (var pair in map) result.Properties.Add(new PSNoteProperty(UniqueName(used, PropertyNames.ForKey(pair.Key)), FromPlain(pair.Value)));
                    return result;
                case object?[] array:
                    var items = new object?[array.Length];
                    for (int i = 0; i < array.Length; i++) items[i] = FromPlain(array[i]);
                    return items;
                default:
                    return value;
            }
        }

        /// <summary>
        /// <paramref name="name"/>, or <c>name (2)</c>, <c>name (3)</c>… when the object already has it: JSON keys differ by
        /// case (<c>"id"</c> and <c>"ID"</c>) where PowerShell's names do not, and adding the second would throw and cost the
        /// whole reply. Each value stays reachable.
        /// </summary>
        private static string UniqueName(HashSet<string> used, string name)
        {
            if (used.Add(name)) return name;
            for (int n = 2; ; n++)
            {
                string candidate = name + " (" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
                if (used.Add(candidate)) return candidate;
            }
        }

        /// <summary>
        /// A PowerShell value (hashtable, PSCustomObject, array, scalar) as plain data for a JSON body.
        /// Hashtable keys are kept as written; PSObject wrappers are removed.
        /// </summary>
        public static object? ToPlain(object? value)
        {
            if (value is PSObject ps)
            {
                if (ps.BaseObject is PSCustomObject)
                {
                    var map = new Dictionary<string, object?>();
                    foreach (var property in ps.Properties) map[property.Name] = ToPlain(property.Value);
                    return map;
                }
                value = ps.BaseObject;
            }
            switch (value)
            {
                case null:
                    return null;
                case string _:
                    return value;
                case IDictionary dictionary:
                    var map = new Dictionary<string, object?>();
                    foreach (DictionaryEntry entry in dictionary)
                        map[System.Convert.ToString(ToPlain(entry.Key), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = ToPlain(entry.Value);
                    return map;
                case IEnumerable sequence:
                    var list = new List<object?>();
                    foreach (var item in sequence) list.Add(ToPlain(item));
                    return list;
                default:
                    return value;
            }
        }

        /// <summary>A hashtable as key/value pairs with plain values (for <c>-Query</c> and <c>-Position</c>).</summary>
        public static IEnumerable<KeyValuePair<string, object?>> Pairs(IDictionary? dictionary)
        {
            if (dictionary is null) yield break;
            foreach (DictionaryEntry entry in dictionary)
                yield return new KeyValuePair<string, object?>(
                    System.Convert.ToString(ToPlain(entry.Key), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, ToPlain(entry.Value));
        }
    }
}
