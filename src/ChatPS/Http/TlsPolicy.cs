using System;
using System.Net;
using System.Net.Http;
using ChatPS.Loading;

namespace ChatPS.Http
{
    /// <summary>
    /// Makes sure .NET Framework offers TLS 1.2 (and 1.3 where it knows it). There <see cref="HttpClient"/> follows
    /// <see cref="ServicePointManager.SecurityProtocol"/>, which in Windows PowerShell 5.1 is often only
    /// <c>Ssl3, Tls</c> (it depends on the machine's registry), and KOOK and Tomon accept nothing below TLS 1.2.
    /// On .NET Core and .NET 5+ the setting does not reach <see cref="HttpClient"/> and is left alone.
    /// </summary>
    internal static class TlsPolicy
    {
        /// <summary><c>SecurityProtocolType.Tls13</c>, which .NET Framework 4.8 added and netstandard2.0 does not name.</summary>
        internal const SecurityProtocolType Tls13 = (SecurityProtocolType)12288;

        /// <summary><c>SecurityProtocolType.SystemDefault</c> (0, the OS chooses), which netstandard2.0 does not name.</summary>
        internal const SecurityProtocolType SystemDefault = 0;

        private static readonly object Gate = new object();
        private static volatile bool _applied;

        /// <summary>
        /// The value <paramref name="current"/> should become. <c>SystemDefault</c> (0) lets the OS choose, which already
        /// includes TLS 1.2 where the OS has it, and a bit added to it would replace the OS's choice by that one bit:
        /// so it is kept. Otherwise TLS 1.2 (and 1.3 when <paramref name="enumKnowsTls13"/>) is added and nothing the
        /// host enabled is removed: another module in the same session may still need it.
        /// </summary>
        internal static SecurityProtocolType Decide(RuntimeKind runtime, SecurityProtocolType current, bool enumKnowsTls13)
        {
            if (runtime != RuntimeKind.NetFramework) return current;
            if (current == SystemDefault) return current;
            var wanted = current | SecurityProtocolType.Tls12;
            if (enumKnowsTls13) wanted |= Tls13;
            return wanted;
        }

        /// <summary>
        /// Applies <see cref="Decide"/> to this process once, before its first request, and returns the line to log
        /// when that changed the setting (null otherwise, and on every later call).
        /// </summary>
        internal static string? EnsureApplied()
        {
            if (_applied) return null;
            lock (Gate)
            {
                if (_applied) return null;
                try
                {
                    // Off .NET Framework the setting is not even read: it does not reach HttpClient there.
                    if (HostRuntime.Current != RuntimeKind.NetFramework) return null;
                    return Apply(HostRuntime.Current, () => ServicePointManager.SecurityProtocol, value => ServicePointManager.SecurityProtocol = value,
                        Enum.IsDefined(typeof(SecurityProtocolType), Tls13));
                }
                finally
                {
                    // Only now: a concurrent first request must wait on the lock until the setting is written.
                    _applied = true;
                }
            }
        }

        /// <summary>Reads the setting, writes <see cref="Decide"/>'s value when it differs, and returns the line saying so (null when unchanged).</summary>
        internal static string? Apply(RuntimeKind runtime, Func<SecurityProtocolType> read, Action<SecurityProtocolType> write, bool enumKnowsTls13)
        {
            var current = read();
            var wanted = Decide(runtime, current, enumKnowsTls13);
            if (wanted == current) return null;
            write(wanted);
            return $"TLS: ServicePointManager.SecurityProtocol was {current}; now {wanted} for this session (KOOK and Tomon require TLS 1.2)";
        }
    }
}
