using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace ChatPS.Hosted.Tests.Infrastructure;

/// <summary>
/// Records what the engine writes to the host and answers its confirmation prompts from a script of answers. A prompt
/// nobody scripted fails the command: an unexpected question is a finding, and waiting for input would hang the test.
/// </summary>
public sealed class RecordingHostUserInterface : PSHostUserInterface
{
    private readonly object _gate = new();
    private readonly StringBuilder _text = new();
    private readonly List<string> _prompts = new();
    private readonly Queue<string> _answers = new();

    /// <summary>Everything written to the host since the last <see cref="Clear"/>.</summary>
    public string Text
    {
        get { lock (_gate) return _text.ToString(); }
    }

    /// <summary>The confirmation questions asked since the last <see cref="Clear"/> (caption and message).</summary>
    public IReadOnlyList<string> Prompts
    {
        get { lock (_gate) return _prompts.ToArray(); }
    }

    /// <summary>Answers for the next confirmation prompts, by the choice's label without its accelerator, e.g. "Yes", "No to All".</summary>
    public void Answer(params string[] labels)
    {
        lock (_gate)
            foreach (string label in labels) _answers.Enqueue(label);
    }

    /// <summary>Forgets the recorded text, the prompts and any answers not used.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _text.Clear();
            _prompts.Clear();
            _answers.Clear();
        }
    }

    /// <inheritdoc />
    // No raw UI: formatting then uses its default width, and nothing depends on a terminal.
    public override PSHostRawUserInterface? RawUI => null;

    /// <inheritdoc />
    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        string answer;
        lock (_gate)
        {
            _prompts.Add(caption + ": " + message);
            if (_answers.Count == 0) throw new PromptingException("The test host was asked, with no answer scripted: " + caption + ": " + message);
            answer = _answers.Dequeue();
        }
        for (int i = 0; i < choices.Count; i++)
            if (string.Equals(choices[i].Label.Replace("&", string.Empty, StringComparison.Ordinal), answer, StringComparison.OrdinalIgnoreCase)) return i;
        throw new PromptingException($"No choice '{answer}' among: {string.Join(", ", choices.Select(c => c.Label))}");
    }

    /// <inheritdoc />
    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
        throw new PromptingException("The test host does not prompt for values: " + string.Join(", ", descriptions.Select(d => d.Name)));

    /// <inheritdoc />
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw new PromptingException("The test host does not prompt for credentials.");

    /// <inheritdoc />
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
        throw new PromptingException("The test host does not prompt for credentials.");

    /// <inheritdoc />
    public override string ReadLine() => throw new PromptingException("The test host has no input.");

    /// <inheritdoc />
    public override SecureString ReadLineAsSecureString() => throw new PromptingException("The test host has no input.");

    /// <inheritdoc />
    public override void Write(string value) => Append(value);

    /// <inheritdoc />
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);

    /// <inheritdoc />
    public override void WriteLine(string value) => Append(value + "\n");

    /// <inheritdoc />
    public override void WriteErrorLine(string value) => Append(value + "\n");

    /// <inheritdoc />
    public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");

    /// <inheritdoc />
    public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");

    /// <inheritdoc />
    public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");

    /// <inheritdoc />
    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
    }

    private void Append(string value)
    {
        lock (_gate) _text.Append(value);
    }
}
