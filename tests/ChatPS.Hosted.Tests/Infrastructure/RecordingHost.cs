using System.Globalization;
using System.Management.Automation.Host;

namespace ChatPS.Hosted.Tests.Infrastructure;

/// <summary>
/// A host for the test runspace. The engine writes -WhatIf lines and asks -Confirm questions through the host, not
/// through a stream, so a test can only see them (and answer them) here, as PSReadLine's test host does.
/// </summary>
public sealed class RecordingHost : PSHost
{
    private readonly RecordingHostUserInterface _ui = new();

    /// <summary>What the engine wrote to the host and the confirmations it asked for, with scripted answers.</summary>
    public RecordingHostUserInterface Recorder => _ui;

    /// <inheritdoc />
    public override PSHostUserInterface UI => _ui;

    /// <inheritdoc />
    public override string Name => "ChatPS.Hosted.Tests";

    /// <inheritdoc />
    public override Version Version { get; } = new(1, 0);

    /// <inheritdoc />
    public override Guid InstanceId { get; } = Guid.NewGuid();

    /// <inheritdoc />
    // Invariant, so views and messages read the same on every machine.
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    /// <inheritdoc />
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    /// <inheritdoc />
    public override void EnterNestedPrompt() => throw new NotSupportedException("The test host has no nested prompt.");

    /// <inheritdoc />
    public override void ExitNestedPrompt() => throw new NotSupportedException("The test host has no nested prompt.");

    /// <inheritdoc />
    public override void NotifyBeginApplication()
    {
    }

    /// <inheritdoc />
    public override void NotifyEndApplication()
    {
    }

    /// <inheritdoc />
    public override void SetShouldExit(int exitCode)
    {
    }
}
