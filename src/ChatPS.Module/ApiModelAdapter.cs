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
            foreach (var extra in ExtraNames((ApiModel)baseObject, declared)) properties.Add(new PSAdaptedProperty(extra.Name, extra.WireName));
            return properties;
        }

        /// <inheritdoc />
        public override PSAdaptedProperty? GetProperty(object baseObject, string propertyName)
        {
            var declared = Declare(baseObject.GetType());
            foreach (var property in declared.Properties)
                if (string.Equals(property.Name, propertyName, StringComparison.OrdinalIgnoreCase))
                    return new PSAdaptedProperty(property.Name, property);
            foreach (var extra in ExtraNames((ApiModel)baseObject, declared))
                if (string.Equals(extra.Name, propertyName, StringComparison.OrdinalIgnoreCase))
                    return new PSAdaptedProperty(extra.Name, extra.WireName);
            return null;
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

        private static IEnumerable<(string Name, string WireName)> ExtraNames(ApiModel model, Declaration declared)
        {
            var extra = model.AdditionalProperties;
            if (extra is null || extra.Count == 0) yield break;
            var shown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var wireName in extra.Keys)
            {
                string name = PropertyNames.ToPascalCase(wireName);
                // A field that PascalCases onto a declared property (or an earlier field) is already shown by it.
                if (!declared.Names.Contains(name) && shown.Add(name)) yield return (name, wireName);
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
