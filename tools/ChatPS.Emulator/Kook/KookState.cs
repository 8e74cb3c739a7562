using System;
using System.Collections.Generic;
using System.Globalization;

namespace ChatPS.Emulator.Kook;

/// <summary>A KOOK account the emulator knows.</summary>
public sealed record KookAccount(string Id, string Username, string IdentifyNum, bool Bot, int Status = 0, bool IsVip = false, bool MobileVerified = true, bool Online = false)
{
    /// <summary>Avatar URL derived from the id.</summary>
    public string Avatar => $"https://img.kookapp.cn/avatars/emulator/{Id}.png/icon";
}

/// <summary>A guild member's guild-specific data.</summary>
public sealed record KookMember(string Nickname, long[] Roles, long JoinedAt, long ActiveTime);

/// <summary>
/// The emulated KOOK world: the bot behind the token, seeded users, a guild with roles, and a block
/// of synthetic users (ids 3000000000 upward) for bulk runs. Mutations are thread-safe.
/// </summary>
public sealed class KookState
{
    /// <summary>First id of the synthetic user block.</summary>
    public const long SyntheticBase = 3_000_000_000;

    /// <summary>The seeded guild id.</summary>
    public const string GuildId = "9000000000000001";

    private readonly object _gate = new();
    private readonly Dictionary<string, KookAccount> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, KookMember>> _guilds = new(StringComparer.Ordinal);
    private readonly int _syntheticUsers;
    private bool _online;
    private string[] _onlineOs = Array.Empty<string>();

    /// <summary>Seeds the state.</summary>
    public KookState(int syntheticUsers)
    {
        _syntheticUsers = syntheticUsers;
        Bot = new KookAccount("364862", "ChatPS Emulator Bot", "1670", Bot: true);
        Add(Bot);
        Add(new KookAccount("2418200000", "tz-un", "5618", Bot: true, MobileVerified: true));
        Add(new KookAccount("1000000001", "alice", "0001", Bot: false, IsVip: true, Online: true));
        Add(new KookAccount("1000000002", "bob", "0002", Bot: false));
        Add(new KookAccount("1000000003", "carol", "0003", Bot: false, Online: true));
        Add(new KookAccount("1000000010", "mallory", "6666", Bot: false, Status: 10));
        _guilds[GuildId] = new Dictionary<string, KookMember>(StringComparer.Ordinal)
        {
            ["1000000001"] = new("Alice (admin)", new long[] { 113, 114 }, 1621338425000, 1628688607719),
            ["1000000002"] = new("Bobby", new long[] { 113 }, 1622000000000, 1700000000000),
            ["2418200000"] = new("Helper bot", new long[] { 200 }, 1621338425000, 1628688607719),
        };
    }

    /// <summary>The account the bot token belongs to.</summary>
    public KookAccount Bot { get; }

    /// <summary>The bot's client id (KOOK returns it from user/me for bots).</summary>
    public string ClientId => "b64kJF7HHFKEMU";

    /// <summary>Whether the bot is online (toggled by user/online and user/offline).</summary>
    public (bool Online, string[] OnlineOs) OnlineStatus
    {
        get { lock (_gate) return (_online, _onlineOs); }
    }

    /// <summary>Sets the bot online or offline.</summary>
    public void SetOnline(bool online)
    {
        lock (_gate)
        {
            _online = online;
            _onlineOs = online ? new[] { "Webhook" } : Array.Empty<string>();
        }
    }

    /// <summary>Finds a seeded or synthetic user.</summary>
    public bool TryGetUser(string id, out KookAccount account)
    {
        lock (_gate)
        {
            if (_users.TryGetValue(id, out account!)) return true;
        }
        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n >= SyntheticBase && n < SyntheticBase + _syntheticUsers)
        {
            long i = n - SyntheticBase;
            account = new KookAccount(id, "user" + i.ToString(CultureInfo.InvariantCulture), (i % 10000).ToString("0000", CultureInfo.InvariantCulture), Bot: false, Online: i % 3 == 0);
            return true;
        }
        account = null!;
        return false;
    }

    /// <summary>Whether the guild exists.</summary>
    public bool GuildExists(string guildId) => _guilds.ContainsKey(guildId);

    /// <summary>The member's data in the guild, or null.</summary>
    public KookMember? Member(string guildId, string userId) =>
        _guilds.TryGetValue(guildId, out var members) && members.TryGetValue(userId, out var m) ? m : null;

    private void Add(KookAccount account) => _users[account.Id] = account;
}
