namespace ChatPS.Tests.Infrastructure;

/// <summary>Temporary files for evidence tests, deleted with the instance.</summary>
public sealed class TestFiles : IDisposable
{
    private static readonly byte[] PngSignature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
    private static readonly byte[] JpegSignature = { 0xFF, 0xD8, 0xFF, 0xE0 };

    public string Folder { get; } = Directory.CreateTempSubdirectory("chatps-tests-").FullName;

    public string Png(string name, int size) => Write(name, PngSignature, size);

    public string Jpeg(string name, int size) => Write(name, JpegSignature, size);

    public string Text(string name, string content)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string Write(string name, byte[] signature, int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        signature.CopyTo(bytes, 0);
        string path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
