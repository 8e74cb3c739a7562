using System;
using System.Runtime.InteropServices;

namespace ChatPS.Loading
{
    /// <summary>Which runtime this process runs on, read once from <see cref="RuntimeInformation.FrameworkDescription"/>.</summary>
    internal static class HostRuntime
    {
        /// <summary>The runtime of this process.</summary>
        public static RuntimeKind Current { get; } = Classify(RuntimeInformation.FrameworkDescription);

        /// <summary>
        /// Classifies a framework description: ".NET Framework 4.8.9032.0", "Mono 6.12.0.200", ".NET Core 3.1.32", ".NET 10.0.0".
        /// Anything not recognised is taken as a modern .NET, the only runtime still gaining names.
        /// </summary>
        public static RuntimeKind Classify(string? frameworkDescription)
        {
            string description = (frameworkDescription ?? string.Empty).Trim();
            if (description.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase)) return RuntimeKind.NetFramework;
            if (description.StartsWith("Mono", StringComparison.OrdinalIgnoreCase)) return RuntimeKind.Mono;
            return RuntimeKind.NetCore;
        }
    }
}
