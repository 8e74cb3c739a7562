using System;
using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;
using ChatPS.Automation;

namespace ChatPS.Module
{
    /// <summary>
    /// The current connection of each runspace. Keyed by runspace so that parallel runspaces
    /// (<c>ForEach-Object -Parallel</c>, jobs) each have their own, as a PowerShell variable would.
    /// </summary>
    internal static class SessionConnections
    {
        private static readonly ConcurrentDictionary<Guid, KookConnection> Kook = new ConcurrentDictionary<Guid, KookConnection>();
        private static readonly ConcurrentDictionary<Guid, TomonConnection> Tomon = new ConcurrentDictionary<Guid, TomonConnection>();

        private static Guid Key => Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;

        public static KookConnection? CurrentKook => Kook.TryGetValue(Key, out var c) ? c : null;

        public static TomonConnection? CurrentTomon => Tomon.TryGetValue(Key, out var c) ? c : null;

        /// <summary>The given connection, else the runspace's; throws <see cref="NotConnectedException"/> when neither is usable.</summary>
        public static KookConnection ResolveKook(KookConnection? given)
        {
            var connection = given ?? CurrentKook;
            return connection != null && connection.IsConnected ? connection : throw new NotConnectedException(ChatPlatform.Kook);
        }

        /// <summary>The given connection, else the runspace's; throws <see cref="NotConnectedException"/> when neither is usable.</summary>
        public static TomonConnection ResolveTomon(TomonConnection? given)
        {
            var connection = given ?? CurrentTomon;
            return connection != null && connection.IsConnected ? connection : throw new NotConnectedException(ChatPlatform.Tomon);
        }

        public static void SetKook(KookConnection connection) => Kook[Key] = connection;

        public static void SetTomon(TomonConnection connection) => Tomon[Key] = connection;

        public static void ForgetKook(KookConnection connection)
        {
            if (Kook.TryGetValue(Key, out var current) && ReferenceEquals(current, connection)) Kook.TryRemove(Key, out _);
        }

        public static void ForgetTomon(TomonConnection connection)
        {
            if (Tomon.TryGetValue(Key, out var current) && ReferenceEquals(current, connection)) Tomon.TryRemove(Key, out _);
        }
    }
}
