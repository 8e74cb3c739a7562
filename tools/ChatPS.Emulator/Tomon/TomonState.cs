using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;

namespace ChatPS.Emulator.Tomon;

/// <summary>A Tomon account.</summary>
public sealed class TomonAccount
{
    /// <summary>Snowflake id.</summary>
    public required string Id { get; init; }
    /// <summary>User name.</summary>
    public required string Username { get; set; }
    /// <summary>Display name (<c>name</c>); the user name when not set.</summary>
    public string? Name { get; set; }
    /// <summary>Four-digit suffix.</summary>
    public required string Discriminator { get; set; }
    /// <summary>E-mail address.</summary>
    public string? Email { get; set; }
    /// <summary>Password (plain: this is an emulator).</summary>
    public string Password { get; set; } = "";
    /// <summary>Phone number.</summary>
    public string? Phone { get; set; }
    /// <summary>Last update.</summary>
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.Parse("2020-06-01T04:24:40.027Z", CultureInfo.InvariantCulture);
}

/// <summary>A guild the user is in.</summary>
public sealed record TomonGuildEntry(string Id, string Name, string OwnerId, DateTimeOffset JoinedAt)
{
    /// <summary>Sidebar position (null until the user orders guilds).</summary>
    public int? Position { get; set; }
}

/// <summary>A stored DM channel.</summary>
public sealed record TomonChannelEntry(string Id, string[] RecipientIds, DateTimeOffset CreatedAt);

/// <summary>A stored invite.</summary>
public sealed record TomonTicketEntry(string Code, DateTimeOffset CreatedAt);

/// <summary>A catalog stamp pack.</summary>
public sealed record TomonStampPackEntry(string Id, string Name, string AuthorId);

/// <summary>One evidence file as it arrived.</summary>
public sealed record ReceivedFile(string FieldName, string FileName, string? ContentType, long Length, string Sha256);

/// <summary>A stored report, with the files that came with it.</summary>
public sealed record StoredReport(string Id, string UserId, string TargetId, int Type, int State, int Reason, string Comment,
    DateTimeOffset UpdatedAt, string ContentType, IReadOnlyList<ReceivedFile> Files);

/// <summary>
/// The emulated Tomon world for the signed-in user: profile, guilds and their order, DM channels,
/// the weekly invite, stamp packs and reports. Thread-safe.
/// </summary>
public sealed class TomonState
{
    /// <summary>Longest report comment accepted (the client enforces the same limit first).</summary>
    public const int MaxCommentLength = 1000;

    private readonly object _gate = new();
    private readonly HashSet<string> _sessions = new(StringComparer.Ordinal);
    private readonly List<TomonGuildEntry> _guilds = new();
    private readonly List<TomonChannelEntry> _channels = new();
    private readonly List<TomonTicketEntry> _tickets = new();
    private readonly Dictionary<string, TomonStampPackEntry> _catalog = new(StringComparer.Ordinal);
    private readonly List<(string PackId, DateTimeOffset AddedAt)> _myPacks = new();
    private readonly List<StoredReport> _reports = new();
    private readonly Dictionary<string, Dictionary<string, object?>> _guildSettings = new(StringComparer.Ordinal);
    private long _nextId = 300_000_000_000_000_000;

    /// <summary>Seeds the state; <paramref name="sessionToken"/> is accepted as a bearer token without signing in.</summary>
    public TomonState(string sessionToken)
    {
        _sessions.Add(sessionToken);
        Me = new TomonAccount { Id = "132700396123668480", Username = "tomon", Discriminator = "1234", Email = "bot@tomon.example", Password = "tomon-password", Phone = "13812345678" };
        Others = new[]
        {
            new TomonAccount { Id = "77334868412862464", Username = "alice", Discriminator = "0001", Email = "alice@tomon.example" },
            new TomonAccount { Id = "102263796474580992", Username = "tomon", Discriminator = "0000", Email = "taken@tomon.example" },
            new TomonAccount { Id = "131786267142000000", Username = "bob", Discriminator = "0002", Email = "bob@tomon.example" },
        };
        var t = DateTimeOffset.Parse("2020-05-02T14:22:17.241Z", CultureInfo.InvariantCulture);
        _guilds.Add(new("121979324558479360", "欢迎使用", "121979324369735680", t));
        _guilds.Add(new("77601467623542784", "Automation Lab", Me.Id, t.AddDays(3)));
        _guilds.Add(new("200000000000000001", "Operations", "77334868412862464", t.AddDays(7)));
        _guilds.Add(new("200000000000000002", "Archive", "77334868412862464", t.AddDays(9)));
        _guilds.Add(new("200000000000000003", "Bots & Scripts", Me.Id, t.AddDays(12)));
        _catalog["132700396123000000"] = new("132700396123000000", "tomon self pack", Me.Id);
        _catalog["140000000000000001"] = new("140000000000000001", "cats", "77334868412862464");
        _catalog["140000000000000002"] = new("140000000000000002", "dogs", "77334868412862464");
        _myPacks.Add(("132700396123000000", DateTimeOffset.Parse("2020-06-08T13:53:19.160Z", CultureInfo.InvariantCulture)));
    }

    /// <summary>The signed-in user.</summary>
    public TomonAccount Me { get; }

    /// <summary>Other known users (DM recipients, conflicts).</summary>
    public IReadOnlyList<TomonAccount> Others { get; }

    /// <summary>The lock guarding every collection; endpoints hold it while they read or change state.</summary>
    public object Gate => _gate;

    /// <summary>Issues a new session token.</summary>
    public string IssueSession()
    {
        string token = "tomon-session-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        lock (_gate) _sessions.Add(token);
        return token;
    }

    /// <summary>Whether a bearer token is a live session.</summary>
    public bool IsSession(string token)
    {
        lock (_gate) return _sessions.Contains(token);
    }

    /// <summary>A new snowflake.</summary>
    public string NewId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    /// <summary>Finds the signed-in user or another known user.</summary>
    public TomonAccount? FindUser(string id) => id == Me.Id ? Me : Others.FirstOrDefault(u => u.Id == id);

    /// <summary>Guilds in sidebar order: by position, then the order they were joined in.</summary>
    public List<TomonGuildEntry> Guilds => _guilds;

    /// <summary>DM channels.</summary>
    public List<TomonChannelEntry> Channels => _channels;

    /// <summary>Invites.</summary>
    public List<TomonTicketEntry> Tickets => _tickets;

    /// <summary>The stamp pack catalog.</summary>
    public Dictionary<string, TomonStampPackEntry> Catalog => _catalog;

    /// <summary>The user's stamp packs.</summary>
    public List<(string PackId, DateTimeOffset AddedAt)> MyPacks => _myPacks;

    /// <summary>Reports received.</summary>
    public List<StoredReport> Reports => _reports;

    /// <summary>The stored notification settings per guild id (<c>@me</c> for direct messages), in the reply's shape.</summary>
    public Dictionary<string, Dictionary<string, object?>> GuildSettings => _guildSettings;

    /// <summary>Reports received so far (copy).</summary>
    public IReadOnlyList<StoredReport> ReportsSnapshot()
    {
        lock (_gate) return _reports.ToArray();
    }
}
