using System.Xml;

namespace ChatPS.HelpGen;

/// <summary>Writes MAML, the XML Get-Help reads for compiled cmdlets.</summary>
public static class MamlWriter
{
    private const string Msh = "http://msh";
    private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
    private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static void Write(IEnumerable<CommandDoc> docs, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        using var w = XmlWriter.Create(path, settings);
        w.WriteStartDocument();
        w.WriteStartElement("helpItems", Msh);
        w.WriteAttributeString("schema", "maml");
        foreach (var doc in docs) WriteCommand(w, doc);
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void WriteCommand(XmlWriter w, CommandDoc doc)
    {
        w.WriteStartElement("command", "command", Command);
        w.WriteAttributeString("xmlns", "maml", null, Maml);
        w.WriteAttributeString("xmlns", "command", null, Command);
        w.WriteAttributeString("xmlns", "dev", null, Dev);

        int dash = doc.Name.IndexOf('-');
        w.WriteStartElement("command", "details", Command);
        w.WriteElementString("command", "name", Command, doc.Name);
        w.WriteElementString("command", "verb", Command, dash > 0 ? doc.Name[..dash] : doc.Name);
        w.WriteElementString("command", "noun", Command, dash > 0 ? doc.Name[(dash + 1)..] : "");
        Description(w, new[] { doc.Synopsis });
        w.WriteEndElement();

        Description(w, doc.Description);

        w.WriteStartElement("command", "syntax", Command);
        var sets = doc.SyntaxSets.Select(s => s.Replace("(Default)", "").Trim()).DefaultIfEmpty("__AllParameterSets");
        foreach (var set in sets)
        {
            w.WriteStartElement("command", "syntaxItem", Command);
            w.WriteElementString("maml", "name", Maml, doc.Name);
            // Positional parameters first, in position order, as Get-Help's own syntax lines read.
            var inSet = doc.Parameters
                .Select(p => (Doc: p, Info: p.Sets.FirstOrDefault(s => s.SetNames.Contains(set) || s.SetNames.Contains("(All)"))))
                .Where(x => x.Info != null)
                .OrderBy(x => int.TryParse(x.Info!.Position, out int n) ? n : int.MaxValue);
            foreach (var (p, info) in inSet) Parameter(w, p, info!, inSyntax: true);
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("command", "parameters", Command);
        foreach (var p in doc.Parameters)
            if (p.Sets.Count > 0) Parameter(w, p, p.Sets[0], inSyntax: false);
        w.WriteEndElement();

        Types(w, "inputTypes", "inputType", doc.Inputs);
        Types(w, "returnValues", "returnValue", doc.Outputs);

        if (doc.Notes.Count > 0)
        {
            w.WriteStartElement("maml", "alertSet", Maml);
            w.WriteStartElement("maml", "alert", Maml);
            foreach (var n in doc.Notes) w.WriteElementString("maml", "para", Maml, n);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteStartElement("command", "examples", Command);
        foreach (var e in doc.Examples)
        {
            w.WriteStartElement("command", "example", Command);
            w.WriteElementString("maml", "title", Maml, "-------------------------- " + e.Title + " --------------------------");
            w.WriteElementString("dev", "code", Dev, e.Code);
            w.WriteStartElement("dev", "remarks", Dev);
            foreach (var r in e.Remarks) w.WriteElementString("maml", "para", Maml, r);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("command", "relatedLinks", Command);
        foreach (var (text, uri) in doc.Links)
        {
            w.WriteStartElement("maml", "navigationLink", Maml);
            w.WriteElementString("maml", "linkText", Maml, text);
            w.WriteElementString("maml", "uri", Maml, uri);
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteEndElement();
    }

    private static void Parameter(XmlWriter w, ParameterDoc p, ParameterSetDoc info, bool inSyntax)
    {
        bool isSwitch = info.Type.Equals("SwitchParameter", StringComparison.OrdinalIgnoreCase);
        w.WriteStartElement("command", "parameter", Command);
        w.WriteAttributeString("required", info.Required ? "true" : "false");
        w.WriteAttributeString("variableLength", "true");
        w.WriteAttributeString("globbing", info.Wildcards ? "true" : "false");
        w.WriteAttributeString("pipelineInput", info.PipelineInput);
        w.WriteAttributeString("position", info.Position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : info.Position);
        w.WriteAttributeString("aliases", string.IsNullOrEmpty(info.Aliases) ? "none" : info.Aliases);
        w.WriteElementString("maml", "name", Maml, p.Name);
        Description(w, p.Description);
        if (!(inSyntax && isSwitch))
        {
            w.WriteStartElement("command", "parameterValue", Command);
            w.WriteAttributeString("required", isSwitch ? "false" : "true");
            w.WriteAttributeString("variableLength", "false");
            w.WriteString(info.Type);
            w.WriteEndElement();
        }
        w.WriteStartElement("dev", "type", Dev);
        w.WriteElementString("maml", "name", Maml, info.Type);
        w.WriteElementString("maml", "uri", Maml, "");
        w.WriteEndElement();
        w.WriteElementString("dev", "defaultValue", Dev, isSwitch && info.DefaultValue == "None" ? "False" : info.DefaultValue);
        w.WriteEndElement();
    }

    private static void Types(XmlWriter w, string outer, string inner, List<TypeDoc> types)
    {
        w.WriteStartElement("command", outer, Command);
        foreach (var t in types)
        {
            w.WriteStartElement("command", inner, Command);
            w.WriteStartElement("dev", "type", Dev);
            w.WriteElementString("maml", "name", Maml, t.Name);
            w.WriteEndElement();
            Description(w, t.Description);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Description(XmlWriter w, IEnumerable<string> paragraphs)
    {
        w.WriteStartElement("maml", "description", Maml);
        foreach (var p in paragraphs) w.WriteElementString("maml", "para", Maml, p);
        w.WriteEndElement();
    }
}
