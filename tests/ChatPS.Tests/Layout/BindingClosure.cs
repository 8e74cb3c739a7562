using System.Reflection;

namespace ChatPS.Tests.Layout;

/// <summary>One assembly the module ships, with what it references.</summary>
public sealed record ShippedAssembly(string File, AssemblyName Identity, IReadOnlyList<AssemblyName> References);

/// <summary>A reference nothing satisfies, and what was on offer.</summary>
public sealed record BindingGap(ShippedAssembly Referrer, AssemblyName Reference, string Offered)
{
    public override string ToString() =>
        $"{Referrer.File} ({Referrer.Identity.Name} {Referrer.Identity.Version}) references {Reference.Name} {Reference.Version}, but {Offered}";
}

/// <summary>
/// Whether every reference of a set of shipped assemblies binds on a runtime without binding redirects
/// (Windows PowerShell 5.1): each must be met by the runtime's own assemblies (its netstandard facade included),
/// by the host's (System.Management.Automation), or by a shipped file, always of the same or a higher version.
/// A lower version is a gap even when the name is there: that is the MissingMethodException at the first call.
/// </summary>
public static class BindingClosure
{
    /// <param name="shipped">The module's assemblies.</param>
    /// <param name="platform">Simple name to version of every assembly the runtime and host provide.</param>
    public static IReadOnlyList<BindingGap> FindGaps(IReadOnlyList<ShippedAssembly> shipped, IReadOnlyDictionary<string, Version> platform)
    {
        var byName = new Dictionary<string, ShippedAssembly>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in shipped) byName[assembly.Identity.Name!] = assembly;

        var gaps = new List<BindingGap>();
        foreach (var assembly in shipped)
        {
            foreach (var reference in assembly.References)
            {
                var wanted = reference.Version ?? new Version(0, 0);
                platform.TryGetValue(reference.Name!, out var fromPlatform);
                byName.TryGetValue(reference.Name!, out var fromModule);
                if (fromPlatform != null && fromPlatform >= wanted) continue;
                if (fromModule != null && fromModule.Identity.Version! >= wanted) continue;

                var offered = new List<string>();
                if (fromPlatform != null) offered.Add($".NET Framework 4.7.2 has {fromPlatform}");
                if (fromModule != null) offered.Add($"the module ships {fromModule.Identity.Version} ({fromModule.File})");
                gaps.Add(new BindingGap(assembly, reference, offered.Count == 0 ? "nothing provides it" : string.Join(" and ", offered)));
            }
        }
        return gaps;
    }
}
