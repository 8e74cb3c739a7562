using System.Text;

namespace ChatPS.HelpGen;

/// <summary>Reads the platyPS (schema 2.0.0) markdown layout: front matter, then fixed level-2 sections.</summary>
public static class MarkdownReader
{
    public static CommandDoc Read(string path)
    {
        var lines = File.ReadAllLines(path).ToList();
        int i = 0;
        if (lines.Count > 0 && lines[0].Trim() == "---")
        {
            i = 1;
            while (i < lines.Count && lines[i].Trim() != "---") i++;
            i++;
        }

        var doc = new CommandDoc();
        string section = "";
        string? sub = null;
        var buffer = new List<string>();
        for (; i < lines.Count; i++)
        {
            string line = lines[i];
            if (line.StartsWith("# ", StringComparison.Ordinal)) { doc.Name = line[2..].Trim(); continue; }
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush(doc, section, sub, buffer);
                section = line[3..].Trim().ToUpperInvariant();
                sub = null;
                continue;
            }
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                Flush(doc, section, sub, buffer);
                sub = line[4..].Trim();
                continue;
            }
            buffer.Add(line);
        }
        Flush(doc, section, sub, buffer);
        if (string.IsNullOrEmpty(doc.Name)) throw new InvalidDataException($"{path}: no '# Name' heading.");
        return doc;
    }

    private static void Flush(CommandDoc doc, string section, string? sub, List<string> buffer)
    {
        var body = buffer.ToList();
        buffer.Clear();
        var (paragraphs, blocks) = Split(body);
        switch (section)
        {
            case "SYNOPSIS": doc.Synopsis = string.Join(" ", paragraphs); break;
            case "DESCRIPTION": doc.Description.AddRange(paragraphs); break;
            case "SYNTAX" when sub != null: doc.SyntaxSets.Add(sub); break;
            case "EXAMPLES" when sub != null:
                doc.Examples.Add(new ExampleDoc(sub, string.Join("\n", blocks.Where(b => b.Lang != "yaml").Select(b => b.Text)), paragraphs));
                break;
            case "PARAMETERS" when sub != null && sub.StartsWith('-'):
                var p = new ParameterDoc { Name = sub[1..] };
                p.Description.AddRange(paragraphs);
                foreach (var yaml in blocks.Where(b => b.Lang == "yaml")) p.Sets.Add(ParseYaml(yaml.Text));
                doc.Parameters.Add(p);
                break;
            case "INPUTS" when sub != null: doc.Inputs.Add(new TypeDoc(sub, paragraphs)); break;
            case "OUTPUTS" when sub != null: doc.Outputs.Add(new TypeDoc(sub, paragraphs)); break;
            case "NOTES": doc.Notes.AddRange(paragraphs); break;
            case "RELATED LINKS":
                foreach (var line in body)
                {
                    var t = line.Trim();
                    int close = t.IndexOf("](", StringComparison.Ordinal);
                    if (t.StartsWith('[') && close > 0 && t.EndsWith(')'))
                        doc.Links.Add((t[1..close], OnlineUri(t[(close + 2)..^1])));
                }
                break;
        }
    }

    /// <summary>
    /// The link's target as MAML wants it: an absolute http(s) address, or nothing. Get-Help prints a link as its
    /// text followed by its uri, so a relative target such as <c>about_ChatPS.help.txt</c> (which only means
    /// something on GitHub) showed as <c>about_ChatPS about_ChatPS.help.txt</c>; without a uri the text alone names
    /// the topic, which <c>Get-Help about_ChatPS</c> opens.
    /// </summary>
    private static string OnlineUri(string target) =>
        Uri.TryCreate(target.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : string.Empty;

    /// <summary>Paragraphs (blank-line separated, joined) and fenced code blocks.</summary>
    private static (List<string> Paragraphs, List<(string Lang, string Text)> Blocks) Split(List<string> lines)
    {
        var paragraphs = new List<string>();
        var blocks = new List<(string, string)>();
        var current = new StringBuilder();
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (current.Length > 0) { paragraphs.Add(current.ToString()); current.Clear(); }
                string lang = line.Trim()[3..].Trim().ToLowerInvariant();
                var code = new List<string>();
                for (i++; i < lines.Count && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++) code.Add(lines[i]);
                blocks.Add((lang, string.Join("\n", code)));
                continue;
            }
            if (string.IsNullOrWhiteSpace(line))
            {
                if (current.Length > 0) { paragraphs.Add(current.ToString()); current.Clear(); }
                continue;
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(line.Trim());
        }
        if (current.Length > 0) paragraphs.Add(current.ToString());
        return (paragraphs, blocks);
    }

    private static ParameterSetDoc ParseYaml(string text)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in text.Split('\n'))
        {
            int colon = line.IndexOf(':');
            if (colon > 0) map[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        string Get(string key, string fallback = "") => map.TryGetValue(key, out var v) ? v : fallback;
        var sets = Get("Parameter Sets", "(All)").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new ParameterSetDoc(Get("Type", "Object"), sets, Get("Aliases"), Get("Required").Equals("True", StringComparison.OrdinalIgnoreCase),
            Get("Position", "Named"), Get("Default value", "None"), Get("Accept pipeline input", "False"),
            Get("Accept wildcard characters").Equals("True", StringComparison.OrdinalIgnoreCase));
    }
}
