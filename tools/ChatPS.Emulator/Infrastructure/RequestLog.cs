using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace ChatPS.Emulator.Infrastructure;

/// <summary>One request as the emulator received it.</summary>
/// <param name="Sequence">Arrival order, from 1.</param>
/// <param name="ReceivedAt">Arrival time.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path without the path base.</param>
/// <param name="Query">Raw query string including '?', or empty.</param>
/// <param name="AuthScheme">The Authorization scheme sent (never the token), or null.</param>
/// <param name="UserAgent">The User-Agent header.</param>
/// <param name="ContentType">The request's content type.</param>
/// <param name="BodyLength">Request body length in bytes.</param>
public sealed record RequestRecord(long Sequence, DateTimeOffset ReceivedAt, string Method, string Path, string Query, string? AuthScheme,
    string? UserAgent, string? ContentType, long BodyLength)
{
    /// <summary>Response status; set when the response starts.</summary>
    public int Status { get; set; }

    /// <summary>The <c>Host</c> header: the name the client (or its proxy) asked for.</summary>
    public string? Host { get; init; }

    /// <summary>The <c>Via</c> header a proxy adds on a forwarded request, or null (none on a CONNECT tunnel).</summary>
    public string? Via { get; init; }

    /// <summary>Whether a <c>Proxy-Authorization</c> header arrived (never its value): a proxy must not pass it on.</summary>
    public bool ProxyAuthorization { get; init; }

    /// <summary>Whether the body came with <c>Transfer-Encoding: chunked</c> instead of a <c>Content-Length</c>.</summary>
    public bool Chunked { get; init; }

    /// <summary><c>http</c> or <c>https</c>.</summary>
    public string? Scheme { get; init; }

    /// <summary>The fault injected, if any.</summary>
    public string? Fault { get; set; }

    /// <summary>Whether the platform accepted the credentials.</summary>
    public bool Authorized { get; private set; }

    /// <summary>Records that the credentials were accepted.</summary>
    public void MarkAuthorized() => Authorized = true;
}

/// <summary>
/// The requests the emulator received, in arrival order; tests read it to prove what was (not) sent.
/// Keeps the most recent <see cref="Capacity"/> records, so a long-running emulator does not grow without bound.
/// </summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RequestRecord> _records = new();
    private long _sequence;
    private int _count;

    /// <summary>Creates a log keeping at most <paramref name="capacity"/> records.</summary>
    public RequestLog(int capacity = 100_000) => Capacity = Math.Max(1, capacity);

    /// <summary>How many records are kept.</summary>
    public int Capacity { get; }

    /// <summary>Requests received since the last clear, including those no longer kept.</summary>
    public long Received => Interlocked.Read(ref _sequence);

    /// <summary>Appends a record with the next sequence number, dropping the oldest beyond the capacity.</summary>
    public RequestRecord Add(Func<long, RequestRecord> create)
    {
        var record = create(Interlocked.Increment(ref _sequence));
        _records.Enqueue(record);
        if (Interlocked.Increment(ref _count) > Capacity && _records.TryDequeue(out _)) Interlocked.Decrement(ref _count);
        return record;
    }

    /// <summary>All records so far.</summary>
    public IReadOnlyList<RequestRecord> Snapshot() => _records.ToArray();

    /// <summary>Records whose path contains <paramref name="pathFragment"/>.</summary>
    public IReadOnlyList<RequestRecord> Matching(string pathFragment) =>
        _records.Where(r => r.Path.Contains(pathFragment, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        _records.Clear();
        Interlocked.Exchange(ref _count, 0);
    }

    /// <summary>Number of records kept.</summary>
    public int Count => _records.Count;
}
