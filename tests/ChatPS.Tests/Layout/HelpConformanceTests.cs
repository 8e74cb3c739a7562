using System.Xml.Linq;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Layout;

/// <summary>The MAML Get-Help reads agrees with the cmdlets actually built.</summary>
public class HelpConformanceTests : IClassFixture<ModuleSurface>
{
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private readonly ModuleSurface _surface;
    private readonly Dictionary<string, XElement> _help;

    public HelpConformanceTests(ModuleSurface surface)
    {
        _surface = surface;
        // Named after the assembly holding the cmdlets, which is where PowerShell looks.
        var maml = XDocument.Load(Path.Combine(RepoPaths.ModuleFolder, "en-US", "ChatPS.Module.dll-Help.xml"));
        _help = maml.Root!.Elements(Command + "command").ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value);
    }

    public static IEnumerable<object[]> Names => CmdletConformanceTests.Names;

    [Fact]
    public void The_about_topic_ships() =>
        Assert.Contains("about_ChatPS", File.ReadAllText(Path.Combine(RepoPaths.ModuleFolder, "en-US", "about_ChatPS.help.txt")));

    [Fact]
    public void Help_covers_exactly_the_built_cmdlets() => Assert.Equal(_surface.Cmdlets.Keys.Order(), _help.Keys.Order());

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_cmdlet_has_a_synopsis_a_description_and_a_real_example(string name)
    {
        var help = _help[name];
        Assert.False(string.IsNullOrWhiteSpace(help.Element(Command + "details")!.Element(Maml + "description")!.Value));
        Assert.False(string.IsNullOrWhiteSpace(help.Element(Maml + "description")!.Value));
        var examples = help.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.NotEmpty(examples);
        Assert.All(examples, e => Assert.Contains(name, e.Element(Dev + "code")!.Value));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_parameter_is_documented_and_nothing_else(string name)
    {
        var cmdlet = _surface.Cmdlets[name];
        var expected = cmdlet.Parameters.Select(p => p.Name).ToList();
        if (cmdlet.SupportsShouldProcess) expected.AddRange(new[] { "WhatIf", "Confirm" });
        var documented = _help[name].Element(Command + "parameters")!.Elements(Command + "parameter").ToList();
        Assert.Equal(expected.Order(), documented.Select(p => p.Element(Maml + "name")!.Value).Order());
        Assert.All(documented, p => Assert.False(string.IsNullOrWhiteSpace(p.Element(Maml + "description")!.Value)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Syntax_matches_the_parameter_sets(string name)
    {
        var cmdlet = _surface.Cmdlets[name];
        var items = _help[name].Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
        var sets = cmdlet.Parameters.SelectMany(p => p.Sets.Select(s => s.Set)).Where(s => s != "(All)").Distinct().ToList();
        if (cmdlet.DefaultParameterSet != null && !sets.Contains(cmdlet.DefaultParameterSet)) sets.Add(cmdlet.DefaultParameterSet);
        Assert.Equal(Math.Max(1, sets.Count), items.Count);

        foreach (var (item, index) in items.Select((item, index) => (item, index)))
        {
            string? set = sets.Count == 0 ? null : sets.OrderBy(s => s != cmdlet.DefaultParameterSet).ThenBy(s => s, StringComparer.Ordinal).ElementAt(index);
            foreach (var p in item.Elements(Command + "parameter"))
            {
                string pname = p.Element(Maml + "name")!.Value;
                if (pname is "WhatIf" or "Confirm") continue;
                var declared = cmdlet.Parameter(pname).Sets.First(s => set is null || s.Set == set || s.Set == "(All)");
                Assert.True(declared.Mandatory == (p.Attribute("required")!.Value == "true"), $"{name} -{pname} required ({set})");
                Assert.Equal(declared.Position == "Named" ? "named" : declared.Position, p.Attribute("position")!.Value);
                string pipeline = p.Attribute("pipelineInput")!.Value;
                Assert.Equal(declared.ByValue, pipeline.Contains("ByValue"));
                Assert.Equal(declared.ByPropertyName, pipeline.Contains("ByPropertyName"));
            }
        }
    }
}
