using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ChatPS.Emulator.Infrastructure;

/// <summary>The faults the emulator can inject in place of a normal response.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaultKind>))]
public enum FaultKind
{
    /// <summary>HTTP 500 with the platform's error body (KOOK: <c>data: {"name":"Internal Server Error","status":500}</c>).</summary>
    ServerError,

    /// <summary>HTTP 502 with an HTML body, as a gateway sends.</summary>
    BadGatewayHtml,

    /// <summary>HTTP 503 with <c>Retry-After</c>.</summary>
    Unavailable,

    /// <summary>
    /// HTTP 429. KOOK paths: the envelope and the <c>X-Rate-Limit-*</c> headers, no <c>Retry-After</c> unless
    /// <see cref="EmulatorOptions.SendRetryAfter"/>; Tomon paths: <c>Retry-After</c>.
    /// </summary>
    RateLimited,

    /// <summary>Headers and part of the body are sent, then the connection is reset.</summary>
    ConnectionReset,

    /// <summary>HTTP 200 whose JSON body is cut short (Content-Length matches, so only the JSON is broken).</summary>
    TruncatedJson,

    /// <summary>No response until the stall time passes or the client gives up.</summary>
    Stall,

    /// <summary>HTTP 307 to <see cref="FaultRule.Location"/> (for testing what follows a redirect).</summary>
    Redirect,

    /// <summary>
    /// <see cref="FaultRule.Status"/> with <see cref="FaultRule.Body"/> as given (JSON content type): replays an odd
    /// reply seen in the wild, such as an error code after the data or a code sent as a string.
    /// </summary>
    Reply,

    /// <summary>
    /// HTTP 403, a missing permission, for rehearsing it: KOOK paths answer
    /// <c>{"code":403,"message":"你没有权限进行此操作","data":{"name":"Forbidden","status":403}}</c> (localised), Tomon paths <c>{"message"}</c>.
    /// </summary>
    Forbidden,

    /// <summary>
    /// HTTP 200 with <c>Content-Encoding: gzip</c> whose body inflates to <see cref="FaultRule.Size"/> bytes (1 GiB by
    /// default) of a JSON string: a decompression bomb, about a thousandth of that on the wire.
    /// </summary>
    GzipBomb,

    /// <summary>
    /// <see cref="FaultRule.Status"/> with <see cref="FaultRule.Body"/> (Content-Length announced up front), sent one byte
    /// every <see cref="FaultRule.Seconds"/>: a reply that never finishes within a timeout.
    /// </summary>
    Trickle,
}

/// <summary>A rule: the next <see cref="Count"/> requests matching method and path get <see cref="Kind"/>.</summary>
public sealed class FaultRule
{
    /// <summary>HTTP method to match, or <c>*</c>.</summary>
    public string Method { get; set; } = "*";

    /// <summary>Path pattern: <c>*</c> matches within a segment, <c>**</c> across segments (e.g. <c>/api/v3/user/*</c>).</summary>
    public string Path { get; set; } = "**";

    /// <summary>The fault to inject.</summary>
    public FaultKind Kind { get; set; }

    /// <summary>How many matching requests get it.</summary>
    public int Count { get; set; } = 1;

    /// <summary>Where a <see cref="FaultKind.Redirect"/> points.</summary>
    public string? Location { get; set; }

    /// <summary>The status a <see cref="FaultKind.Reply"/> answers with.</summary>
    public int Status { get; set; } = 200;

    /// <summary>The body a <see cref="FaultKind.Reply"/> answers with.</summary>
    public string? Body { get; set; }

    /// <summary>
    /// For <see cref="FaultKind.Reply"/>: the body as base64, for bytes that are not UTF-8 text (invalid UTF-8, a gzip
    /// body). Takes precedence over <see cref="Body"/>.
    /// </summary>
    public string? BodyBase64 { get; set; }

    /// <summary>For <see cref="FaultKind.Reply"/>: the content type (default <c>application/json; charset=utf-8</c>).</summary>
    public string? ContentType { get; set; }

    /// <summary>
    /// For <see cref="FaultKind.Reply"/> and <see cref="FaultKind.Trickle"/>: response headers to add as given
    /// (<c>X-Rate-Limit-Reset</c>, <c>Content-Encoding</c>, <c>Location</c>…), so any reply a service or a gateway
    /// could send can be replayed.
    /// </summary>
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>For <see cref="FaultKind.GzipBomb"/>: how many bytes the body inflates to.</summary>
    public long Size { get; set; } = 1L << 30;

    /// <summary>Seconds for <c>Retry-After</c> / <c>X-Rate-Limit-Reset</c> (503, 429), or the stall time.</summary>
    public double Seconds { get; set; } = 1;

    internal bool Matches(string method, string path)
    {
        if (Method != "*" && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) return false;
        string regex = "^" + Regex.Escape(Path).Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*") + "$";
        return Regex.IsMatch(path, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}

/// <summary>The active fault rules; the first matching rule with requests left applies.</summary>
public sealed class FaultPlan
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = new();

    /// <summary>Adds a rule.</summary>
    public void Add(FaultRule rule)
    {
        if (rule.Count < 1) throw new ArgumentException("A fault rule needs a count of at least 1.");
        lock (_gate) _rules.Add(rule);
    }

    /// <summary>Removes all rules.</summary>
    public void Clear()
    {
        lock (_gate) _rules.Clear();
    }

    /// <summary>Rules still active.</summary>
    public IReadOnlyList<FaultRule> Snapshot()
    {
        lock (_gate) return _rules.ToArray();
    }

    /// <summary>Takes one use of the first matching rule, or returns null.</summary>
    public FaultRule? Take(string method, string path)
    {
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(r => r.Matches(method, path));
            if (rule is null) return null;
            if (--rule.Count == 0) _rules.Remove(rule);
            return rule;
        }
    }

    /// <summary>Parses <c>METHOD:path:kind[:count[:seconds]]</c>, the command-line form of a rule.</summary>
    public static FaultRule ParseRule(string text)
    {
        var parts = text.Split(':');
        if (parts.Length < 3 || !Enum.TryParse<FaultKind>(parts[2], ignoreCase: true, out var kind))
            throw new ArgumentException($"--fault takes METHOD:path:kind[:count[:seconds]] with kind one of {string.Join(", ", Enum.GetNames<FaultKind>())}, not '{text}'.");
        var rule = new FaultRule { Method = parts[0], Path = parts[1], Kind = kind };
        if (parts.Length > 3) rule.Count = int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture);
        if (parts.Length > 4) rule.Seconds = double.Parse(parts[4], System.Globalization.CultureInfo.InvariantCulture);
        return rule;
    }
}
