using System;
using System.Net.Http;
using System.Threading;
using ChatPS.Json;
using ChatPS.Kook;
using ChatPS.Kook.Models;
using ChatPS.Tomon.Models;

namespace ChatPS.Automation
{
    /// <summary>
    /// Compiles, on a pool thread, what the first connect of a process is about to need: the JSON contracts of the
    /// replies a connect and a first call read, and the HTTP client's construction path. A scheduled task starts a
    /// fresh process every time and pays this JIT work on its first call; started when the module is imported, it
    /// overlaps the script's own work between Import-Module and Connect-*. Nothing is sent and nothing is kept.
    /// </summary>
    internal static class FirstCallWarmUp
    {
        private static int _started;

        /// <summary>Starts the warm-up once per process; later calls do nothing.</summary>
        public static void Begin()
        {
            if (Interlocked.Exchange(ref _started, 1) != 0) return;
            ChatJson.Prepare<KookEnvelope<KookUser>>(KookApiConnection.EmptyReply);
            ChatJson.Prepare<KookEnvelope<KookOnlineStatus>>(KookApiConnection.EmptyReply);
            ChatJson.Prepare<TomonUser>("{}");
            ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                try
                {
                    using var handler = new HttpClientHandler { AllowAutoRedirect = false };
                    using var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
                    using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");
                    request.Headers.TryAddWithoutValidation("Authorization", "Bot warm-up");
                    request.Headers.UserAgent.ParseAdd("ChatPS/0");
                }
                catch (Exception)
                {
                    // Only a warm-up, on a pool thread where an escaping exception would end the process.
                }
            }, null);
        }
    }
}
