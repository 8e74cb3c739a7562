using ChatPS.Automation;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ChatPS.Tests.Hostile;

/// <summary>The valid reply of every reader, as the emulator sends it: what the seeded mutations start from.</summary>
public sealed class ReaderTemplates : IAsyncLifetime
{
    private readonly EmulatorFixture _emulator = new();

    public Dictionary<string, string> ByReader { get; } = new();

    public async Task InitializeAsync()
    {
        await _emulator.InitializeAsync();
        foreach (var reader in Reader.All)
        {
            var capture = new CapturingHandler();
            var options = EmulatorFixture.FastOptions();
            options.Transport = capture;
            var baseUri = reader.Kook ? _emulator.Host.KookBaseUri : _emulator.Host.TomonBaseUri;
            try
            {
                await reader.Call(baseUri, options);
            }
            catch (ChatApiException)
            {
                // The emulator's state after an earlier reader (a guild left) may refuse this one: its template is
                // then whatever arrived last, or none, and the fixed cases still run.
            }
            ByReader[reader.Name] = capture.LastSuccessBody ?? string.Empty;
        }
    }

    public Task DisposeAsync() => _emulator.DisposeAsync();
}

/// <summary>
/// Issue 21's fuzz test, core layer: every reader meets every hostile reply (the named cases and seeded mutations of its
/// own valid reply), answered in process through the transport seam. Two outcomes are allowed: a value, or a
/// <see cref="ChatApiException"/> with a <c>ChatPS.</c> id, a category, a bounded message and no stack trace in it.
/// Never another exception type, and never a hang (each call is bounded, generously: a bound, not a measurement).
/// </summary>
public class HostileReplyFuzzTests : IClassFixture<ReaderTemplates>
{
    private static readonly Uri KookBase = new("https://fuzz.invalid/api/v3/");
    private static readonly Uri TomonBase = new("https://fuzz.invalid/api/v1/");
    private readonly ReaderTemplates _templates;
    private readonly ITestOutputHelper _output;

    public HostileReplyFuzzTests(ReaderTemplates templates, ITestOutputHelper output)
    {
        _templates = templates;
        _output = output;
    }

    public static IEnumerable<object[]> ReaderNames => Reader.All.Select(r => new object[] { r.Name });

    [Theory]
    [MemberData(nameof(ReaderNames))]
    public async Task Every_hostile_reply_gives_a_value_or_a_ChatPS_error(string readerName)
    {
        int index = Array.FindIndex(Reader.All, r => r.Name == readerName);
        var reader = Reader.All[index];
        var cases = HostileReplies.Fixed(reader.Kook)
            .Concat(HostileReplies.Mutations(_templates.ByReader[readerName], HostileReplies.Seed + index, HostileReplies.MutationCount))
            .ToList();

        var failures = new List<string>();
        int values = 0, errors = 0;
        foreach (var reply in cases)
        {
            var (outcome, problem) = await RunAsync(reader, reply);
            if (problem != null) failures.Add($"{reply.Name}: {problem}");
            else if (outcome is null) values++;
            else errors++;
        }

        _output.WriteLine($"{readerName}: {cases.Count} replies (seed {HostileReplies.Seed + index}), {values} values, {errors} ChatPS errors, {failures.Count} failures");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} replies broke the rule:\n" + string.Join("\n", failures));
    }

    /// <summary>Runs one call: (null, null) for a value, (error id, null) for a good ChatPS error, (_, problem) otherwise.</summary>
    internal static async Task<(string? ErrorId, string? Problem)> RunAsync(Reader reader, HostileReply reply)
    {
        var options = new ConnectionOptions
        {
            Transport = new ScriptedHandler(reply),
            RetryInterval = TimeSpan.FromMilliseconds(1),
            MaximumRetryCount = 1,
            Timeout = TestTimes.AttemptTimeout,
        };
        try
        {
            await reader.Call(reader.Kook ? KookBase : TomonBase, options).WaitAsync(TestTimes.HangBound);
            return (null, null);
        }
        catch (TimeoutException)
        {
            return ("hang", $"no outcome within {TestTimes.HangBound.TotalSeconds} s");
        }
        catch (ChatApiException ex)
        {
            return (ex.ErrorId, ProblemWith(ex));
        }
        catch (Exception ex)
        {
            // Where it came from: the first frames of ChatPS's own code.
            string where = string.Join(" < ", (ex.StackTrace ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("at ChatPS.", StringComparison.Ordinal) && !l.Contains(".Tests.")).Take(3));
            return ("raw", $"raw {ex.GetType().FullName}: {Shorten(ex.Message)} [{where}]");
        }
    }

    /// <summary>What is wrong with a ChatPS error, or null: id, category, a message of bounded size without a stack trace.</summary>
    internal static string? ProblemWith(ChatApiException ex)
    {
        var classification = ErrorClassifier.Classify(ex);
        if (!classification.ErrorId.StartsWith("ChatPS.", StringComparison.Ordinal)) return $"error id {classification.ErrorId}";
        if (classification.Category == ChatErrorCategory.NotSpecified) return $"{classification.ErrorId} has no category: {Shorten(ex.Message)}";
        if (ex.Message.Length > 3 * ChatApiException.MaximumMessageLength) return $"{classification.ErrorId} has a message of {ex.Message.Length} characters";
        if (ex.Message.Contains("\n   at ", StringComparison.Ordinal)) return $"{classification.ErrorId} carries a stack trace in its message";
        return null;
    }

    private static string Shorten(string text) => text.Length > 300 ? text.Substring(0, 300) + "…" : text;
}
