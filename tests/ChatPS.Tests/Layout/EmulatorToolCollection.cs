namespace ChatPS.Tests.Layout;

/// <summary>Runs alone: packing and installing loads the machine, and other classes' tests use short per-attempt timeouts.</summary>
[CollectionDefinition(nameof(EmulatorToolCollection), DisableParallelization = true)]
public sealed class EmulatorToolCollection;
