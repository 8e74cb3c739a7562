namespace ChatPS.Loading
{
    /// <summary>The .NET runtime the module runs on, as far as loading and TLS behave differently.</summary>
    internal enum RuntimeKind
    {
        /// <summary>.NET Framework 4.x: Windows PowerShell 5.1. One load context per AppDomain, no binding redirects for a module, <c>ServicePointManager</c> decides TLS.</summary>
        NetFramework,

        /// <summary>.NET Core 3+ and .NET 5+: PowerShell 7. The host's assemblies live in the default load context; the OS decides TLS.</summary>
        NetCore,

        /// <summary>Mono: Framework-like loading, but its <c>HttpClient</c> does not follow <c>ServicePointManager</c>.</summary>
        Mono,
    }
}
