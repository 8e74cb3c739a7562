using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using ChatPS.Automation;
using ChatPS.Json;

namespace ChatPS.Module
{
    /// <summary>
    /// How PowerShell sees an <see cref="ApiModel"/> (registered for each model type in ChatPS.types.ps1xml):
    /// the declared properties, in declaration order, then the fields the service sent that the model does not
    /// declare, PascalCased, once each. Note properties would do the second part but PowerShell lists instance
    /// members before adapted ones, which put undeclared fields first in <c>Format-List *</c> and <c>Export-Csv</c>.
    /// The internal store of those fields never shows.
    /// </summary>
    public sealed class ApiModelAdapter : PSPropertyAdapter
    {
        // PowerShell creates the adapter while it reads the types file, before OnImport (see ModuleInitializer.StartEarly).
        static ApiModelAdapter() => ModuleInitializer.StartEarly();

        private static readonly ConcurrentDictionary<Type, Declaration> Declared = new ConcurrentDictionary<Type, Declaration>();

        // The PowerShell form of each undeclared field, made once per object so that the same nested object
        // comes back on every read (and edits to it stick).
        private static readonly ConditionalWeakTable<ApiModel, Dictionary<string, object?>> Converted =
            new ConditionalWeakTable<ApiModel, Dictionary<string, object?>>();

        /// <inheritdoc />
        public override Collection<PSAdaptedProperty> GetProperties(object baseObject)
        {
            var properties = new Collection<PSAdaptedProperty>();
            var declared = Declare(baseObject.GetType());
            foreach (var property in declared.Properties) properties.Add(new PSAdaptedProperty(property.Name, property));
            foreach (var extra in ExtraNames((ApiModel)baseObject, declared).List) properties.Add(new PSAdaptedProperty(extra.Name, extra.WireName));
            return properties;
        }

        /// <inheritdoc />
        public override PSAdaptedProperty? GetProperty(object baseObject, string propertyName)
        {
            var declared = Declare(baseObject.GetType());
            foreach (var property in declared.Properties)
                if (string.Equals(property.Name, propertyName, StringComparison.OrdinalIgnoreCase))
                    return new PSAdaptedProperty(property.Name, property);
            var extras = ExtraNames((ApiModel)baseObject, declared);
            // A lookup, not a scan: a reply can carry many thousands of fields, and Select-Object * asks for each by name.
            return extras.ByName.TryGetValue(propertyName, out int index)
                ? new PSAdaptedProperty(extras.List[index].Name, extras.List[index].WireName)
                : null;
        }

        /// <inheritdoc />
        public override bool IsGettable(PSAdaptedProperty adaptedProperty) => true;

        /// <inheritdoc />
        public override bool IsSettable(PSAdaptedProperty adaptedProperty) =>
            adaptedProperty.Tag is PropertyInfo property ? property.SetMethod?.IsPublic == true : true;

        /// <inheritdoc />
        public override object? GetPropertyValue(PSAdaptedProperty adaptedProperty)
        {
            var model = (ApiModel)adaptedProperty.BaseObject;
            if (adaptedProperty.Tag is PropertyInfo property) return property.GetValue(model);
            string wireName = (string)adaptedProperty.Tag;
            var cache = Converted.GetOrCreateValue(model);
            lock (cache)
            {
                if (!cache.TryGetValue(wireName, out var value))
                {
                    object? plain = null;
                    model.AdditionalProperties?.TryGetValue(wireName, out plain);
                    value = PSObjectConverter.FromPlain(plain);
                    cache[wireName] = value;
                }
                return value;
            }
        }

        /// <inheritdoc />
        public override void SetPropertyValue(PSAdaptedProperty adaptedProperty, object value)
        {
            var model = (ApiModel)adaptedProperty.BaseObject;
            if (adaptedProperty.Tag is PropertyInfo property)
            {
                object? converted = value is null ? null : LanguagePrimitives.ConvertTo(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture);
                property.SetValue(model, converted);
                return;
            }
            string wireName = (string)adaptedProperty.Tag;
            var cache = Converted.GetOrCreateValue(model);
            lock (cache) cache[wireName] = value;
            if (model.AdditionalProperties != null) model.AdditionalProperties[wireName] = PSObjectConverter.ToPlain(value);
        }

        /// <inheritdoc />
        public override string GetPropertyTypeName(PSAdaptedProperty adaptedProperty) =>
            TypeName(adaptedProperty.Tag is PropertyInfo property ? property.PropertyType : GetPropertyValue(adaptedProperty)?.GetType() ?? typeof(object));

        // Get-Member's Definition column: System.Nullable[System.DateTimeOffset] rather than the assembly-qualified form.
        private static string TypeName(Type type)
        {
            if (!type.IsGenericType) return type.FullName ?? type.Name;
            string name = type.GetGenericTypeDefinition().FullName ?? type.Name;
            int tick = name.IndexOf('`');
            return (tick < 0 ? name : name.Substring(0, tick)) + "[" + string.Join(",", type.GetGenericArguments().Select(TypeName)) + "]";
        }

        private static Declaration Declare(Type type) => Declared.GetOrAdd(type, t => new Declaration(t));

        private static readonly Extras NoExtras = new Extras();

        // The shown names of each object's undeclared fields, made once per object (fields are only ever replaced, never added).
        private static readonly ConditionalWeakTable<ApiModel, Extras> ExtrasOf = new ConditionalWeakTable<ApiModel, Extras>();

        private static Extras ExtraNames(ApiModel model, Declaration declared)
        {
            var extra = model.AdditionalProperties;
            if (extra is null || extra.Count == 0) return NoExtras;
            var known = ExtrasOf.GetValue(model, _ => new Extras());
            lock (known)
            {
                if (known.Count == extra.Count) return known;
                known.Clear();
                foreach (var wireName in extra.Keys)
                {
                    string name = PropertyNames.ForField(wireName);
                    // A field that PascalCases onto a declared property (or an earlier field) is already shown by it.
                    if (!declared.Names.Contains(name) && !known.ByName.ContainsKey(name))
                    {
                        known.ByName[name] = known.List.Count;
                        known.List.Add((name, wireName));
                    }
                }
                known.Count = extra.Count;
                return known;
            }
        }

        private sealed class Extras
        {
            public List<(string Name, string WireName)> List { get; } = new List<(string Name, string WireName)>();

            public Dictionary<string, int> ByName { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

            // How many fields the store held when the names were made.
            public int Count { get; set; } = -1;

            public void Clear()
            {
                List.Clear();
                ByName.Clear();
            }
        }

        // A model type's public properties, in declaration order, and their names: built once per type, not per read.
        private sealed class Declaration
        {
            public Declaration(Type type)
            {
                Properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetMethod?.IsPublic == true && p.GetIndexParameters().Length == 0).ToArray();
                Names = new HashSet<string>(Properties.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
            }

            public PropertyInfo[] Properties { get; }

            public HashSet<string> Names { get; }
        }
    }
}
