// Compiles platyPS-format markdown (docs/cmdlets/*.md) into the MAML file Get-Help reads for a binary module.
// Usage: ChatPS.HelpGen <markdown folder> <output .xml>
using ChatPS.HelpGen;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ChatPS.HelpGen <markdown folder> <output MAML file>");
    return 2;
}
try
{
    var docs = Directory.GetFiles(args[0], "*-*.md").Order(StringComparer.Ordinal).Select(MarkdownReader.Read).ToList();
    if (docs.Count == 0) throw new InvalidDataException($"No cmdlet markdown in {args[0]}.");
    foreach (var doc in docs)
    {
        if (string.IsNullOrWhiteSpace(doc.Synopsis)) throw new InvalidDataException($"{doc.Name}: no synopsis.");
        if (doc.Examples.Count == 0) throw new InvalidDataException($"{doc.Name}: no example.");
    }
    MamlWriter.Write(docs, args[1]);
    Console.WriteLine($"ChatPS.HelpGen: {docs.Count} cmdlet(s) -> {args[1]}");
    return 0;
}
catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("ChatPS.HelpGen: error: " + ex.Message);
    return 1;
}
