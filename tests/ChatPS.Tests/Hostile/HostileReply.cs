using System.Text;

namespace ChatPS.Tests.Hostile;

/// <summary>One reply a hostile or broken service (or a gateway in front of it) could send.</summary>
public sealed record HostileReply(string Name, int Status, byte[] Body, string ContentType = "application/json; charset=utf-8", IReadOnlyDictionary<string, string>? Headers = null)
{
    public static HostileReply Json(string name, string body, int status = 200, IReadOnlyDictionary<string, string>? headers = null) =>
        new(name, status, Encoding.UTF8.GetBytes(body), Headers: headers);

    public override string ToString() => Name;
}
