using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using ChatPS.Emulator;
using ChatPS.Emulator.Infrastructure;

namespace ChatPS.Hosted.Tests.Infrastructure;

/// <summary>
/// One test class's world: an emulator on a free loopback port (in-process) and a runspace that imported the built
/// module from out/ChatPS by full path, connected to both platforms. xunit runs the tests of a class one at a time and
/// classes in parallel, so each class owns its runspace, host and emulator; the module keeps its session connection
/// per runspace, so parallel classes never see each other's.
/// </summary>
public class HostedSession : IAsyncLifetime
{
    /// <summary>The emulator's KOOK bot token.</summary>
    public const string KookToken = "kook-emulator-token";

    /// <summary>The emulator's Tomon bot token (exchanged at <c>/auth/login</c>).</summary>
    public const string TomonBotToken = "tomon-emulator-token";

    /// <summary>The emulator's Tomon session token (used as it is).</summary>
    public const string TomonSessionToken = "tomon-emulator-session";

    /// <summary>
    /// How long a run may take before it counts as a hang and is stopped. Far beyond any call to a loopback emulator on
    /// a loaded machine: it only keeps a hung pipeline from holding the test run forever.
    /// </summary>
    public static readonly TimeSpan HangBound = TimeSpan.FromSeconds(120);

    private Runspace? _runspace;
    private EmulatorHost? _emulator;

    /// <summary>The host the runspace writes -WhatIf lines to and asks -Confirm questions of.</summary>
    public RecordingHost Host { get; } = new();

    /// <summary>The emulator this class's runspace talks to.</summary>
    public EmulatorHost Emulator => _emulator ?? throw new InvalidOperationException("The session is not initialized.");

    /// <summary>The runspace; tests use <see cref="Run"/> and <see cref="RunCommand"/> rather than this.</summary>
    public Runspace Runspace => _runspace ?? throw new InvalidOperationException("The session is not initialized.");

    /// <summary>Whether the session connects to both platforms when it opens (a subclass tests the unconnected state).</summary>
    protected virtual bool ConnectOnOpen => true;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        string manifest = RepoPaths.RequireModuleManifest();
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, SyntheticUsers = 100 });

        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(manifest);
        // A module that fails to import must fail the class here, not as "command not found" in every test.
        state.ThrowOnRunspaceOpenError = true;
        // Windows' default policy would refuse the module's ps1xml files; elsewhere the engine refuses to set one at all.
        if (OperatingSystem.IsWindows()) state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        state.Variables.Add(new[]
        {
            new SessionStateVariableEntry("KookUri", Emulator.KookBaseUri.ToString(), "KOOK's API root on the emulator."),
            new SessionStateVariableEntry("TomonUri", Emulator.TomonBaseUri.ToString(), "Tomon's API root on the emulator."),
            new SessionStateVariableEntry("KookToken", Secret(KookToken), "The emulator's KOOK bot token."),
            new SessionStateVariableEntry("TomonBotToken", Secret(TomonBotToken), "The emulator's Tomon bot token."),
            new SessionStateVariableEntry("TomonSession", Secret(TomonSessionToken), "The emulator's Tomon session token."),
        });
        _runspace = RunspaceFactory.CreateRunspace(Host, state);
        _runspace.Open();

        if (ConnectOnOpen)
        {
            // No pause between retries: tests that inject a failure get their error at once, however many attempts.
            Run("""
                Connect-Kook -Token $KookToken -BaseUri $KookUri -RetryIntervalSec 0
                Connect-Tomon -BotToken $TomonBotToken -BaseUri $TomonUri -RetryIntervalSec 0
                """).AssertClean();
        }
        Reset();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_runspace != null)
        {
            // Closes the connections' HTTP clients before the server goes.
            if (_runspace.RunspaceStateInfo.State == RunspaceState.Opened) Run("Disconnect-Kook; Disconnect-Tomon");
            _runspace.Dispose();
        }
        if (_emulator != null) await _emulator.DisposeAsync();
    }

    /// <summary>Forgets the emulator's request log, faults and rate-limit windows, and the host's record: each test starts clean.</summary>
    public void Reset()
    {
        Emulator.ResetDiagnostics();
        Host.Recorder.Clear();
    }

    /// <summary>The API requests the emulator received whose path contains <paramref name="pathFragment"/>.</summary>
    public IReadOnlyList<RequestRecord> Requests(string pathFragment) => Emulator.Requests.Matching(pathFragment);

    /// <summary>The API requests of <paramref name="method"/> whose path contains <paramref name="pathFragment"/>.</summary>
    public IReadOnlyList<RequestRecord> Requests(string method, string pathFragment) =>
        Requests(pathFragment).Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>Makes the emulator answer the next <paramref name="count"/> matching requests with <paramref name="kind"/>.</summary>
    public void Fault(string method, string path, FaultKind kind, int count = 1) =>
        Emulator.Faults.Add(new FaultRule { Method = method, Path = path, Kind = kind, Count = count });

    /// <summary>
    /// Runs <paramref name="script"/> (a script block's text; <paramref name="parameters"/> bind to its <c>param()</c>),
    /// answering confirmation prompts with <paramref name="answers"/>.
    /// </summary>
    public RunResult Run(string script, Dictionary<string, object?>? parameters = null, params string[] answers) =>
        Invoke(ps =>
        {
            // A local scope: a test that sets $WhatIfPreference or $ConfirmPreference must not change the next test's session.
            ps.AddScript(script, useLocalScope: true);
            if (parameters != null)
                foreach (var pair in parameters) ps.AddParameter(pair.Key, pair.Value);
        }, null, answers);

    /// <summary>
    /// Runs one command as a host does, with <paramref name="input"/> (host objects, not PowerShell ones) piped into it: the
    /// engine binds each object's properties to the cmdlet's parameters. A switch is given as <c>true</c>.
    /// </summary>
    public RunResult RunCommand(string command, Dictionary<string, object?>? parameters = null, IEnumerable? input = null, params string[] answers) =>
        Invoke(ps =>
        {
            ps.AddCommand(command);
            if (parameters != null)
                foreach (var pair in parameters) ps.AddParameter(pair.Key, pair.Value);
        }, input, answers);

    private RunResult Invoke(Action<PowerShell> build, IEnumerable? input, string[] answers)
    {
        Host.Recorder.Clear();
        Host.Recorder.Answer(answers);
        using var ps = PowerShell.Create();
        ps.Runspace = Runspace;
        build(ps);

        var inputData = new PSDataCollection<object>();
        if (input != null)
            foreach (object item in input) inputData.Add(item);
        inputData.Complete();
        var output = new PSDataCollection<PSObject>();
        var pending = ps.BeginInvoke(inputData, output);
        if (!pending.AsyncWaitHandle.WaitOne(HangBound))
        {
            ps.Stop();
            throw new TimeoutException($"The run did not finish within {HangBound.TotalSeconds} s.");
        }

        RuntimeException? thrown = null;
        try
        {
            ps.EndInvoke(pending);
        }
        catch (RuntimeException ex)
        {
            thrown = ex;
        }
        return new RunResult(output.ToArray(), ps.Streams.Error.ToArray(), ps.Streams.Warning.ToArray(), ps.Streams.Verbose.ToArray(), ps.HadErrors,
            Host.Recorder.Text, Host.Recorder.Prompts, thrown);
    }

    private static SecureString Secret(string text)
    {
        var secret = new SecureString();
        foreach (char c in text) secret.AppendChar(c);
        secret.MakeReadOnly();
        return secret;
    }
}
