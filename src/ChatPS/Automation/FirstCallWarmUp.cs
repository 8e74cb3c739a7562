using System;
using System.Collections.Generic;
using System.Threading;
using ChatPS.Http;
using ChatPS.Json;
using ChatPS.Kook;
using ChatPS.Kook.Models;
using ChatPS.Tomon;
using ChatPS.Tomon.Models;

namespace ChatPS.Automation
{
    /// <summary>
    /// Runs, on a pool thread, what the first connect and call of a process are about to run: a connect and a first
    /// call through the real client and pipeline, answered from memory by a
    /// <see cref="CannedReplyHandler"/>. A scheduled task starts a fresh process every time and pays this JIT work
    /// on its first call; started while PowerShell reads the module's types file, it overlaps the rest of
    /// Import-Module (the format file, cmdlet discovery) and the script's way to its first connect. Nothing is sent,
    /// nothing is kept, nothing is logged.
    /// </summary>
    internal static class FirstCallWarmUp
    {
        private const string KookBase = "https://warm-up.invalid/api/v3";
        private const string TomonBase = "https://warm-up.invalid/api/v1";
        private const string KookUserMe = "/api/v3/user/me";
        private const string KookOnlineStatusPath = "/api/v3/user/get-online-status";
        private const string TomonMe = "/api/v1/users/@me";

        // Shaped like the live services' replies (real-world-notes.md), so that the envelope check, and the contracts of
        // the models read here (the online status, Tomon's signed-in user, nested fields included), take the paths a
        // real first reply takes. KOOK's user/me is only checked: a connect reads that user when it is asked for.
        private static readonly IReadOnlyDictionary<string, string> Replies = new Dictionary<string, string>
        {
            [KookUserMe] = "{\"code\":0,\"message\":\"操作成功\",\"data\":{\"id\":\"1\",\"username\":\"warm-up\",\"identify_num\":\"0001\"," +
                "\"online\":true,\"os\":\"Websocket\",\"status\":0,\"avatar\":\"\",\"vip_avatar\":\"\",\"banner\":\"\",\"nickname\":\"warm-up\"," +
                "\"roles\":[1],\"is_vip\":false,\"vip_amp\":false,\"bot\":true,\"bot_status\":0,\"tag_info\":{\"color\":\"#0096FF\"," +
                "\"bg_color\":\"#0096FF33\",\"text\":\"BOT\"},\"mobile_verified\":true,\"is_sys\":false,\"client_id\":\"c\",\"verified\":false," +
                "\"mobile_prefix\":\"86\",\"mobile\":\"1****\",\"invited_count\":0,\"nameplate\":[],\"decorations_id_map\":null}}",
            [KookOnlineStatusPath] = "{\"code\":0,\"message\":\"操作成功\",\"data\":{\"online\":true,\"online_os\":[\"Websocket\"]}}",
            ["/api/v1/auth/login"] = "{\"id\":\"1\",\"username\":\"warm-up\",\"discriminator\":\"0001\",\"name\":\"warm-up\",\"avatar\":null," +
                "\"avatar_url\":null,\"type\":1,\"banned\":false,\"activated\":true,\"created_at\":\"2020-01-01T00:00:00.000Z\"," +
                "\"updated_at\":\"2020-01-01T00:00:00.000Z\",\"token\":\"warm-up\"}",
            [TomonMe] = "{\"id\":\"1\",\"username\":\"warm-up\",\"discriminator\":\"0001\",\"name\":\"warm-up\",\"type\":1}",
        };

        private static int _started;

        /// <summary>Starts the warm-up once per process; later calls do nothing.</summary>
        public static void Begin()
        {
            if (Interlocked.Exchange(ref _started, 1) != 0) return;
            var platform = PlatformToWarm(Environment.GetEnvironmentVariable(Connector.KookTokenVariable), Environment.GetEnvironmentVariable(Connector.TomonTokenVariable));
            // A pool thread: measured, a thread of its own made the script's connect slower, not faster.
            ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                try
                {
                    Run(platform);
                }
                catch (Exception)
                {
                    // Only a warm-up, on a pool thread where an escaping exception would end the process: a real
                    // connect meets, and reports, whatever went wrong here.
                }
            }, null);
        }

        /// <summary>
        /// The platform a fresh process is about to connect to. A scheduled task carries its token in the environment, so
        /// a Tomon token alone says Tomon; otherwise KOOK. Only one is warmed: a second would still be compiling while
        /// the script's own connect runs, and take the processor from it.
        /// </summary>
        internal static ChatPlatform PlatformToWarm(string? kookToken, string? tomonToken) =>
            string.IsNullOrEmpty(kookToken) && !string.IsNullOrEmpty(tomonToken) ? ChatPlatform.Tomon : ChatPlatform.Kook;

        /// <summary>Runs the warm-up for <paramref name="platform"/> on the calling thread; returns how many canned replies the client read.</summary>
        internal static int Run(ChatPlatform platform)
        {
            // Every connect builds the real transport before it sends anything; building one here compiles that path.
            using (new HttpPipeline(new KookProtocol(KookTokenType.Bot), new Uri(KookBase), null, new ConnectionOptions())) { }
            return platform == ChatPlatform.Tomon ? WarmTomon() : WarmKook();
        }

        private static ConnectionOptions CannedOptions(ConnectionSettings settings, CannedReplyHandler transport)
        {
            var options = settings.ToOptions();
            options.Transport = transport;
            return options;
        }

        // In the order the script will need them: Connect-Kook's token check comes first, and on an engine whose own
        // code is precompiled (an installed pwsh) it starts before the warm-up could finish building the online status
        // contract; that contract is read only by the first call, later. (Tomon's sign-in reads a TomonUser itself, so
        // there the contract comes first.)
        private static int WarmKook()
        {
            var transport = new CannedReplyHandler(Replies);
            var settings = new ConnectionSettings { BaseUri = KookBase };
            using var client = new KookClient(ApiToken.FromPlainText("warm-up"), KookTokenType.Bot, settings.ResolveBaseUri(KookClient.DefaultBaseUri), CannedOptions(settings, transport));
            _ = new KookConnection(client, client.Users.CheckCurrentAsync(CancellationToken.None).GetAwaiter().GetResult());
            ChatJson.PrepareNow<KookEnvelope<KookOnlineStatus>>(Replies[KookOnlineStatusPath]);
            client.Users.GetOnlineStatusAsync().GetAwaiter().GetResult();
            return transport.Answered;
        }

        private static int WarmTomon()
        {
            ChatJson.PrepareNow<TomonUser>(Replies[TomonMe]);
            var transport = new CannedReplyHandler(Replies);
            var settings = new ConnectionSettings { BaseUri = TomonBase };
            var signIn = TomonSignIn.WithBotToken(ApiToken.FromPlainText("warm-up"));
            using var client = TomonClient.ConnectAsync(signIn, settings.ResolveBaseUri(TomonClient.DefaultBaseUri), CannedOptions(settings, transport)).GetAwaiter().GetResult();
            _ = new TomonConnection(client, client.SignedInUser);
            client.Profile.GetAsync().GetAwaiter().GetResult();
            return transport.Answered;
        }
    }
}
