using System.Reflection;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Layout;

/// <summary>The built module's cmdlets as PowerShell will see them, read with MetadataLoadContext (no PowerShell runtime).</summary>
public sealed class ModuleSurface : IDisposable
{
    private readonly MetadataLoadContext _context;

    public ModuleSurface()
    {
        _context = ModuleLayoutTests.LoadContext();
        Module = _context.LoadFromAssemblyPath(Path.Combine(RepoPaths.ModuleFolder, "ChatPS.Module.dll"));
        Core = _context.LoadFromAssemblyPath(Path.Combine(RepoPaths.ModuleFolder, "ChatPS.dll"));
        Automation = _context.LoadFromAssemblyName("System.Management.Automation");
        Cmdlets = Module.GetTypes()
            .Select(t => (Type: t, Attr: t.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name == "CmdletAttribute")))
            .Where(x => x.Attr != null)
            .ToDictionary(x => x.Attr!.ConstructorArguments[0].Value + "-" + x.Attr.ConstructorArguments[1].Value, x => new CmdletInfo(x.Type, x.Attr!));
    }

    public Assembly Module { get; }
    public Assembly Core { get; }
    public Assembly Automation { get; }
    public IReadOnlyDictionary<string, CmdletInfo> Cmdlets { get; }

    public void Dispose() => _context.Dispose();

    public sealed class CmdletInfo(Type type, CustomAttributeData attribute)
    {
        public Type Type { get; } = type;

        public string Verb => (string)attribute.ConstructorArguments[0].Value!;

        public bool SupportsShouldProcess => Named<bool>("SupportsShouldProcess");

        public string? ConfirmImpact => attribute.NamedArguments.Where(n => n.MemberName == "ConfirmImpact")
            .Select(n => ConfirmImpactNames[(int)n.TypedValue.Value!]).FirstOrDefault();

        // System.Management.Automation.ConfirmImpact, by value.
        private static readonly string[] ConfirmImpactNames = { "None", "Low", "Medium", "High" };

        public string? DefaultParameterSet => attribute.NamedArguments.Where(n => n.MemberName == "DefaultParameterSetName").Select(n => (string?)n.TypedValue.Value).FirstOrDefault();

        public IEnumerable<string> OutputTypes => Type.GetCustomAttributesData().Where(a => a.AttributeType.Name == "OutputTypeAttribute")
            .SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => ((Type)v.Value!).FullName!));

        public IReadOnlyList<ParameterInfo> Parameters => Type.GetProperties()
            .Select(p => (Property: p, Attrs: p.GetCustomAttributesData().Where(a => a.AttributeType.Name == "ParameterAttribute").ToList()))
            .Where(x => x.Attrs.Count > 0)
            .Select(x => new ParameterInfo(x.Property, x.Attrs))
            .ToList();

        public ParameterInfo Parameter(string name) => Parameters.Single(p => p.Name == name);

        private T Named<T>(string name) => attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => (T)n.TypedValue.Value!).FirstOrDefault()!;
    }

    public sealed class ParameterInfo(PropertyInfo property, List<CustomAttributeData> attributes)
    {
        public string Name => property.Name;

        public PropertyInfo Property => property;

        public string TypeName
        {
            get
            {
                var t = property.PropertyType;
                if (t.IsGenericType && t.Name.StartsWith("Nullable", StringComparison.Ordinal)) t = t.GetGenericArguments()[0];
                return t.Name;
            }
        }

        public IEnumerable<(string Set, bool Mandatory, string Position, bool ByValue, bool ByPropertyName)> Sets => attributes.Select(a => (
            a.NamedArguments.Where(n => n.MemberName == "ParameterSetName").Select(n => (string)n.TypedValue.Value!).FirstOrDefault() ?? "(All)",
            a.NamedArguments.Any(n => n.MemberName == "Mandatory" && (bool)n.TypedValue.Value!),
            a.NamedArguments.Where(n => n.MemberName == "Position").Select(n => n.TypedValue.Value!.ToString()!).FirstOrDefault() ?? "Named",
            a.NamedArguments.Any(n => n.MemberName == "ValueFromPipeline" && (bool)n.TypedValue.Value!),
            a.NamedArguments.Any(n => n.MemberName == "ValueFromPipelineByPropertyName" && (bool)n.TypedValue.Value!)));

        public IEnumerable<string> Aliases => property.GetCustomAttributesData().Where(a => a.AttributeType.Name == "AliasAttribute")
            .SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!));

        public string? ValidatePattern => property.GetCustomAttributesData().Where(a => a.AttributeType.Name == "ValidatePatternAttribute")
            .Select(a => (string)a.ConstructorArguments[0].Value!).FirstOrDefault();

        public bool Has(string attributeName) => property.GetCustomAttributesData().Any(a => a.AttributeType.Name == attributeName);
    }
}
