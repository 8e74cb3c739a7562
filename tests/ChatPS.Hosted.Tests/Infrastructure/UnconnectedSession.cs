namespace ChatPS.Hosted.Tests.Infrastructure;

/// <summary>A <see cref="HostedSession"/> that has imported the module but connected to nothing.</summary>
public sealed class UnconnectedSession : HostedSession
{
    /// <inheritdoc />
    protected override bool ConnectOnOpen => false;
}
