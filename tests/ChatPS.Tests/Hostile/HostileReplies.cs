using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatPS.Tests.Hostile;

/// <summary>
/// The hostile replies of the fuzz test: a fixed list of named cases every reader meets (the ones issue 21 lists), and
/// seeded mutations of a reader's own valid reply (every field given every wrong type, odd dates, numbers out of
/// range, odd keys). The same seed gives the same replies, so a failure can be replayed.
/// </summary>
public static class HostileReplies
{
    /// <summary>The seed of the default run; <c>CHATPS_FUZZ_SEED</c> chooses another.</summary>
    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("CHATPS_FUZZ_SEED"), out int seed) ? seed : 20261204;

    /// <summary>Mutations per reader: 40 by default, <c>CHATPS_FUZZ_CASES</c> for more, 2,000 with <c>CHATPS_FUZZ_LONG=1</c>.</summary>
    public static int MutationCount =>
        int.TryParse(Environment.GetEnvironmentVariable("CHATPS_FUZZ_CASES"), out int n) && n > 0 ? n
        : Environment.GetEnvironmentVariable("CHATPS_FUZZ_LONG") == "1" ? 2000 : 40;

    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Ten megabytes of text.</summary>
    public static readonly string TenMegabytes = new('x', 10 * 1024 * 1024);

    /// <summary>The named cases, wrapped for the platform where a case is about the payload (KOOK's envelope around it).</summary>
    public static IEnumerable<HostileReply> Fixed(bool kook)
    {
        string Data(string payload) => kook ? "{\"code\":0,\"message\":\"ok\",\"data\":" + payload + "}" : payload;
        yield return HostileReply.Json("empty body", "");
        yield return HostileReply.Json("empty body on 500", "", 500);
        yield return HostileReply.Json("JSON null", "null");
        yield return HostileReply.Json("a string", "\"hello\"");
        yield return HostileReply.Json("a number", "42");
        yield return HostileReply.Json("an array where an object is expected", "[1,2,3]");
        yield return HostileReply.Json("an empty object", "{}");
        yield return HostileReply.Json("data null", Data("null"));
        yield return HostileReply.Json("data an array", Data("[{\"id\":\"1\"}]"));
        yield return HostileReply.Json("data a string", Data("\"x\""));
        yield return HostileReply.Json("data an empty object", Data("{}"));
        yield return HostileReply.Json("data an array of nulls", Data("[null,null]"));
        yield return new HostileReply("HTML on 200", 200, Utf8.GetBytes("<html><head><title>Captive portal</title></head><body>Sign in to the Wi-Fi</body></html>"), "text/html");
        yield return new HostileReply("HTML on 502", 502, Utf8.GetBytes("<html><body><h1>502 Bad Gateway</h1></body></html>"), "text/html");
        yield return HostileReply.Json("truncated JSON", Data("{\"id\":\"1\",\"usern"));
        yield return HostileReply.Json("truncated envelope", "{\"code\":0,\"message\":\"ok\",\"da");
        yield return new HostileReply("a byte order mark", 200, Encoding.UTF8.GetPreamble().Concat(Utf8.GetBytes(Data("{\"id\":\"1\",\"username\":\"bom\"}"))).ToArray());
        yield return new HostileReply("invalid UTF-8 in a string", 200, Utf8.GetBytes(Data("{\"id\":\"1\",\"username\":\"A\"}")).Select(b => b == (byte)'A' ? (byte)0xC3 : b).ToArray());
        yield return new HostileReply("invalid UTF-8 outside strings", 200, new byte[] { 0xFF, 0xFE, 0x00, 0x7B, 0x80, 0x81 });
        yield return HostileReply.Json("deep nesting (arrays)", Data(new string('[', 100_000) + new string(']', 100_000)));
        yield return HostileReply.Json("deep nesting (objects)", Data(string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000)));
        yield return HostileReply.Json("deep nesting within the limit", Data("{\"id\":\"1\",\"x\":" + string.Concat(Enumerable.Repeat("{\"a\":", 60)) + "1" + new string('}', 60) + "}"));
        yield return HostileReply.Json("a 10 MB string", Data("{\"id\":\"1\",\"username\":\"" + TenMegabytes + "\"}"));
        yield return HostileReply.Json("a 10 MB key", Data("{\"id\":\"1\",\"" + TenMegabytes + "\":1}"));
        yield return HostileReply.Json("a 1,000,000-element array", Data("{\"id\":\"1\",\"nameplate\":[" + string.Join(",", Enumerable.Repeat("0", 1_000_000)) + "]}"));
        yield return HostileReply.Json("a 1,000,000-element top-level array", kook ? Data("[" + string.Join(",", Enumerable.Repeat("{}", 1_000_000)) + "]") : "[" + string.Join(",", Enumerable.Repeat("{}", 1_000_000)) + "]");
        yield return HostileReply.Json("100,000 fields", Data("{" + string.Join(",", Enumerable.Range(0, 100_000).Select(i => "\"f" + i + "\":" + i)) + "}"));
        yield return HostileReply.Json("an empty key", Data("{\"online\":true,\"online_os\":[],\"\":1,\"id\":\"1\"}"));
        yield return HostileReply.Json("keys differing by case", Data("{\"id\":\"1\",\"ID\":\"2\",\"Id\":3,\"x\":1,\"X\":2}"));
        yield return HostileReply.Json("odd keys", Data("{\"id\":\"1\",\"PSObject\":1,\"\\u0000\":2,\"\\ud800\":3,\"" + new string('k', 2000) + "\":4}"));
        yield return HostileReply.Json("a lone surrogate in a name at the top", kook ? "{\"\\ud800\":1,\"code\":0,\"message\":\"\",\"data\":{\"id\":\"1\"}}" : "{\"\\ud800\":1,\"id\":\"1\",\"token\":\"t\"}");
        yield return HostileReply.Json("a lone surrogate in an error", kook ? "{\"code\":40000,\"message\":\"\\udc00\",\"data\":{}}" : "{\"message\":\"\\udc00\",\"code\":\"\\ud800\"}", 400);
        yield return HostileReply.Json("numbers out of range", Data("{\"id\":1e400,\"status\":99999999999999999999,\"online\":-1e400,\"type\":1e20,\"joined_at\":1e400}"));
        yield return HostileReply.Json("epoch microseconds", Data("{\"id\":\"1\",\"joined_at\":1588430520000000,\"active_time\":1588430520000000}"));
        yield return HostileReply.Json("epoch 1e20", Data("{\"id\":\"1\",\"joined_at\":1e20,\"active_time\":\"100000000000000000000\"}"));
        yield return HostileReply.Json("ISO dates as epoch seconds", Data("{\"id\":\"1\",\"created_at\":1588430520,\"updated_at\":\"1588430520\",\"joined_at\":\"2020-05-02T14:22:00Z\"}"));
        yield return HostileReply.Json("garbage dates", Data("{\"id\":\"1\",\"created_at\":\"yesterday\",\"updated_at\":\"2020-13-45T99:99:99Z\",\"joined_at\":\"soon\",\"add_at\":{}}"));
        yield return HostileReply.Json("a lone surrogate", Data("{\"id\":\"1\",\"username\":\"\\ud800\"}"));
        yield return HostileReply.Json("code as a string", kook ? "{\"code\":\"abc\",\"message\":\"ok\",\"data\":{}}" : "{\"code\":\"abc\"}");
        yield return HostileReply.Json("code out of range", kook ? "{\"code\":1e30,\"message\":\"ok\",\"data\":{}}" : "{\"code\":1e30}");
        yield return HostileReply.Json("a 10 MB error message", kook ? "{\"code\":40000,\"message\":\"" + TenMegabytes + "\",\"data\":{}}" : "{\"message\":\"" + TenMegabytes + "\"}", kook ? 200 : 400);
        yield return HostileReply.Json("an error message of the wrong type", kook ? "{\"code\":40000,\"message\":{\"a\":[1]},\"data\":{}}" : "{\"message\":[1,2],\"code\":{}}", 400);
        yield return HostileReply.Json("a 401 with an HTML body", "<html>Unauthorized</html>", 401);
        yield return HostileReply.Json("a 3xx without a location", Data("{}"), 302);
        yield return HostileReply.Json("an unknown status", Data("{}"), 599);
        yield return HostileReply.Json("absurd X-Rate-Limit-Reset", Data("{\"id\":\"1\"}"), 200, Headers("X-Rate-Limit-Remaining", "0", "X-Rate-Limit-Reset", "1e20", "X-Rate-Limit-Limit", "-5"));
        yield return HostileReply.Json("X-Rate-Limit-Reset 86000 on the last request", Data("{\"id\":\"1\"}"), 200, Headers("X-Rate-Limit-Remaining", "0", "X-Rate-Limit-Reset", "86000", "X-Rate-Limit-Limit", "1"));
        yield return HostileReply.Json("a 429 with X-Rate-Limit-Reset 86000", kook ? "{\"code\":429,\"message\":\"slow down\",\"data\":{}}" : "{\"message\":\"slow down\"}", 429, Headers("X-Rate-Limit-Remaining", "0", "X-Rate-Limit-Reset", "86000", "X-Rate-Limit-Limit", "1"));
        yield return HostileReply.Json("a global limit with garbage values", Data("{\"id\":\"1\"}"), 200, Headers("X-Rate-Limit-Global", "yes please", "X-Rate-Limit-Reset", "NaN", "X-Rate-Limit-Remaining", "many", "X-Rate-Limit-Bucket", new string('b', 5000)));
        yield return HostileReply.Json("Retry-After far in the future", kook ? "{\"code\":429,\"message\":\"x\",\"data\":{}}" : "{\"message\":\"x\"}", 429, Headers("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"));
        yield return HostileReply.Json("Retry-After of 2^31 seconds", kook ? "{\"code\":429,\"message\":\"x\",\"data\":{}}" : "{\"message\":\"x\"}", 429, Headers("Retry-After", "2147483647"));
        yield return new HostileReply("gzip-encoded without the transport decompressing", 200, Gzip(Data("{\"id\":\"1\"}")), Headers: Headers("Content-Encoding", "gzip"));
    }

    /// <summary>Response headers from name/value pairs.</summary>
    public static IReadOnlyDictionary<string, string> Headers(params string[] pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i + 1 < pairs.Length; i += 2) map[pairs[i]] = pairs[i + 1];
        return map;
    }

    public static byte[] Gzip(string text)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Utf8.GetBytes(text));
        return packed.ToArray();
    }

    // Values a field may arrive as, whatever its type: raw JSON text.
    private static readonly string[] WrongValues =
    {
        "null", "true", "false", "\"true\"", "\"\"", "\"x\"", "0", "-1", "1.5", "1e400", "-1e400", "99999999999999999999", "1e20",
        "1588430520", "1588430520000", "1588430520000000", "\"1588430520000\"", "\"2020-05-02T14:22:00Z\"", "\"2020-13-45T99:99:99Z\"",
        "\"9999-12-31T23:59:59.9999999+14:00\"", "\"0001-01-01T00:00:00-14:00\"", "\"\\ud800\"", "[]", "[1,\"a\",null]", "{}", "{\"\":1}",
        "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]", "\"" + new string('y', 100_000) + "\"",
    };

    private static readonly string[] OddKeys = { "", "PSObject", "ID", "Id", "\u0000", "\ud83d\ude00", "token", "__proto__", new string('k', 2000), "a.b", "a b", "_" };

    /// <summary>
    /// <paramref name="count"/> mutations of <paramref name="template"/> (a valid reply), from <paramref name="seed"/>: a
    /// field (at any depth) given a wrong value, removed, or joined by an oddly named one; sometimes several at once.
    /// </summary>
    public static IEnumerable<HostileReply> Mutations(string template, int seed, int count)
    {
        if (string.IsNullOrWhiteSpace(template)) yield break;
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var root = JsonNode.Parse(template)!;
            var raws = new List<string>();
            var what = new List<string>();
            int changes = 1 + random.Next(3);
            for (int c = 0; c < changes; c++)
            {
                var fields = Fields(root).ToList();
                if (fields.Count == 0) break;
                var (parent, key) = fields[random.Next(fields.Count)];
                int action = random.Next(10);
                if (action < 7)
                {
                    string value = WrongValues[random.Next(WrongValues.Length)];
                    Set(parent, key, Raw(raws, value));
                    what.Add($"{key}={Short(value)}");
                }
                else if (action < 8 && parent is JsonObject obj)
                {
                    obj.Remove((string)key);
                    what.Add($"-{key}");
                }
                else if (parent is JsonObject target)
                {
                    string name = OddKeys[random.Next(OddKeys.Length)];
                    if (!target.ContainsKey(name)) target[name] = Raw(raws, WrongValues[random.Next(WrongValues.Length)]);
                    what.Add($"+'{Short(name)}'");
                }
            }
            string text = root.ToJsonString();
            for (int r = 0; r < raws.Count; r++) text = text.Replace("\"\\u0000RAW" + r + "\"", raws[r]).Replace("\"\u0000RAW" + r + "\"", raws[r]);
            yield return new HostileReply($"seed {seed} #{i}: " + string.Join(", ", what), 200, Utf8.GetBytes(text));
        }
    }

    private static string Short(string text) => text.Length > 24 ? text.Substring(0, 24) + "…" : text;

    private static JsonNode Raw(List<string> raws, string value)
    {
        raws.Add(value);
        return JsonValue.Create("\u0000RAW" + (raws.Count - 1))!;
    }

    private static void Set(JsonNode parent, object key, JsonNode value)
    {
        if (parent is JsonObject obj) obj[(string)key] = value;
        else ((JsonArray)parent)[(int)key] = value;
    }

    // Every field and array item, at any depth, with its parent.
    private static IEnumerable<(JsonNode Parent, object Key)> Fields(JsonNode node)
    {
        if (node is JsonObject obj)
            foreach (var pair in obj.ToList())
            {
                yield return (obj, pair.Key);
                if (pair.Value != null) foreach (var inner in Fields(pair.Value)) yield return inner;
            }
        else if (node is JsonArray array)
            for (int i = 0; i < array.Count; i++)
            {
                yield return (array, i);
                if (array[i] != null) foreach (var inner in Fields(array[i]!)) yield return inner;
            }
    }
}
