using System.Collections;
using System.Collections.Generic;
using System.Text.Json;

namespace ChatPS.Json
{
    /// <summary>
    /// The undeclared fields of an <see cref="ApiModel"/>. System.Text.Json adds each field as a
    /// <see cref="JsonElement"/>; it is turned into plain .NET data as it arrives, so the model needs no
    /// after-deserialisation hook (a public or interface method would show on the object in PowerShell).
    /// Insertion order is kept: it is the order the service sent the fields in.
    /// </summary>
    internal sealed class ExtensionFields : IDictionary<string, object?>
    {
        private readonly List<string> _order = new();
        private readonly Dictionary<string, object?> _values = new();

        public object? this[string key]
        {
            get => _values[key];
            set
            {
                if (!_values.ContainsKey(key)) _order.Add(key);
                _values[key] = value is JsonElement element ? JsonValues.ToPlain(element) : value;
            }
        }

        public ICollection<string> Keys => _order.ToArray();

        public ICollection<object?> Values => _order.ConvertAll(key => _values[key]);

        public int Count => _order.Count;

        public bool IsReadOnly => false;

        public void Add(string key, object? value)
        {
            if (_values.ContainsKey(key)) throw new System.ArgumentException($"The field '{key}' is already present.", nameof(key));
            this[key] = value;
        }

        public void Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

        public void Clear()
        {
            _order.Clear();
            _values.Clear();
        }

        public bool Contains(KeyValuePair<string, object?> item) =>
            _values.TryGetValue(item.Key, out var value) && Equals(value, item.Value);

        public bool ContainsKey(string key) => _values.ContainsKey(key);

        public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
        {
            foreach (var pair in this) array[arrayIndex++] = pair;
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            foreach (var key in _order) yield return new KeyValuePair<string, object?>(key, _values[key]);
        }

        public bool Remove(string key)
        {
            if (!_values.Remove(key)) return false;
            _order.Remove(key);
            return true;
        }

        public bool Remove(KeyValuePair<string, object?> item) => Contains(item) && Remove(item.Key);

        public bool TryGetValue(string key, out object? value) => _values.TryGetValue(key, out value);

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
