namespace ChatPS.HelpGen;

/// <summary>One cmdlet's help as read from platyPS markdown.</summary>
public sealed class CommandDoc
{
    public string Name { get; set; } = "";
    public string Synopsis { get; set; } = "";
    public List<string> Description { get; } = new();
    public List<string> SyntaxSets { get; } = new();
    public List<ExampleDoc> Examples { get; } = new();
    public List<ParameterDoc> Parameters { get; } = new();
    public List<TypeDoc> Inputs { get; } = new();
    public List<TypeDoc> Outputs { get; } = new();
    public List<string> Notes { get; } = new();
    public List<(string Text, string Uri)> Links { get; } = new();
}

public sealed record ExampleDoc(string Title, string Code, List<string> Remarks);

public sealed record TypeDoc(string Name, List<string> Description);

/// <summary>A parameter; <see cref="Sets"/> holds one entry per yaml block (a parameter can differ between sets).</summary>
public sealed class ParameterDoc
{
    public string Name { get; set; } = "";
    public List<string> Description { get; } = new();
    public List<ParameterSetDoc> Sets { get; } = new();
}

public sealed record ParameterSetDoc(string Type, string[] SetNames, string Aliases, bool Required, string Position, string DefaultValue, string PipelineInput, bool Wildcards);
