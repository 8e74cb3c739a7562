using System.Management.Automation;

namespace ChatPS.Hosted.Tests.Infrastructure;

/// <summary>What one script run produced: its output and streams, what it wrote to the host, and what it threw.</summary>
public sealed class RunResult
{
    /// <summary>Creates a result.</summary>
    public RunResult(IReadOnlyList<PSObject> output, IReadOnlyList<ErrorRecord> errors, IReadOnlyList<WarningRecord> warnings,
        IReadOnlyList<VerboseRecord> verbose, bool hadErrors, string hostText, IReadOnlyList<string> prompts, RuntimeException? thrown)
    {
        Output = output;
        Errors = errors;
        Warnings = warnings;
        Verbose = verbose;
        HadErrors = hadErrors;
        HostText = hostText;
        Prompts = prompts;
        Thrown = thrown;
    }

    /// <summary>The objects written to the output.</summary>
    public IReadOnlyList<PSObject> Output { get; }

    /// <summary>The error stream (non-terminating errors, and statement-terminating ones the script went on after).</summary>
    public IReadOnlyList<ErrorRecord> Errors { get; }

    /// <summary>The warning stream.</summary>
    public IReadOnlyList<WarningRecord> Warnings { get; }

    /// <summary>The verbose stream.</summary>
    public IReadOnlyList<VerboseRecord> Verbose { get; }

    /// <summary><see cref="PowerShell.HadErrors"/> after the run.</summary>
    public bool HadErrors { get; }

    /// <summary>Text the engine wrote to the host (such as <c>What if:</c> lines).</summary>
    public string HostText { get; }

    /// <summary>The confirmation questions the host was asked.</summary>
    public IReadOnlyList<string> Prompts { get; }

    /// <summary>What the invocation threw (a terminating error that ended the run, e.g. under <c>-ErrorAction Stop</c>), or null.</summary>
    public RuntimeException? Thrown { get; }

    /// <summary>The output as strings.</summary>
    public IReadOnlyList<string> Strings => Output.Select(o => o?.BaseObject?.ToString() ?? string.Empty).ToArray();

    /// <summary>The one error record the run wrote; fails when there is not exactly one.</summary>
    public ErrorRecord SingleError => Assert.Single(Errors);

    /// <summary>The error record of what the run threw; fails when it threw nothing.</summary>
    public ErrorRecord ThrownRecord => (Thrown ?? throw new Xunit.Sdk.XunitException("The run threw nothing; errors written: " + Describe(Errors))).ErrorRecord;

    /// <summary>Fails, listing the errors, when the run wrote or threw any.</summary>
    public RunResult AssertClean()
    {
        if (Thrown != null || Errors.Count > 0)
            throw new Xunit.Sdk.XunitException("The run failed: " + (Thrown?.ErrorRecord is { } t ? Describe(new[] { t }) + "; " : string.Empty) + Describe(Errors));
        return this;
    }

    /// <summary>Property <paramref name="name"/> of every output object, as strings.</summary>
    public IReadOnlyList<string?> Property(string name) => Output.Select(o => o.Properties[name]?.Value?.ToString()).ToArray();

    private static string Describe(IEnumerable<ErrorRecord> errors) =>
        string.Join("; ", errors.Select(e => e.FullyQualifiedErrorId + " (" + e.Exception?.Message + ")"));
}
