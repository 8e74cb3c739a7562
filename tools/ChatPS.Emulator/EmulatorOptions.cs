using System;
using System.Collections.Generic;
using System.Globalization;

namespace ChatPS.Emulator;

/// <summary>How an emulator instance is set up; every option also has a command-line form (see <see cref="Parse"/>).</summary>
public sealed class EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; } = 5380;

    /// <summary>Optional path prefix the APIs are also served under, e.g. <c>/gateway/kook</c>.</summary>
    public string? PathBase { get; set; }

    /// <summary>The KOOK bot token accepted as <c>Authorization: Bot &lt;token&gt;</c>.</summary>
    public string KookToken { get; set; } = "kook-emulator-token";

    /// <summary>The KOOK OAuth token accepted as <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public string KookOAuthToken { get; set; } = "kook-emulator-oauth-token";

    /// <summary>The Tomon bot token <c>POST /auth/login</c> exchanges for a session.</summary>
    public string TomonBotToken { get; set; } = "tomon-emulator-token";

    /// <summary>A Tomon session token accepted without signing in (for <c>Connect-Tomon -Token</c>).</summary>
    public string TomonSessionToken { get; set; } = "tomon-emulator-session";

    /// <summary>Tomon's per-route limit (it answers 429 with Retry-After only).</summary>
    public RateLimitRule TomonRateLimit { get; set; } = new(200, TimeSpan.FromSeconds(1));

    /// <summary>
    /// Per-bucket limits: bucket name → (requests, window). Buckets not listed use <see cref="DefaultRateLimit"/>.
    /// KOOK has one bucket per endpoint path (<c>user/me</c>, <c>user/view</c>, …), each named in <c>X-Rate-Limit-Bucket</c>.
    /// </summary>
    public Dictionary<string, RateLimitRule> RateLimits { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Limit for buckets without their own rule: 240 requests, the <c>X-Rate-Limit-Limit</c> live bots see on every
    /// bucket. KOOK does not tell the window; one second is assumed (its <c>Reset</c> is 0 while room remains).
    /// </summary>
    public RateLimitRule DefaultRateLimit { get; set; } = new(240, TimeSpan.FromSeconds(1));

    /// <summary>
    /// KOOK's global limit across all buckets of one caller; off (limit 0) by default. When it is hit the 429 also
    /// carries <c>X-Rate-Limit-Global</c> with no value, as KOOK sends it.
    /// </summary>
    public RateLimitRule GlobalRateLimit { get; set; } = new(0, TimeSpan.FromSeconds(1));

    /// <summary>
    /// Also send <c>Retry-After</c> on KOOK 429s (limits and injected <c>RateLimited</c> faults). Off by default: KOOK
    /// sends none, and clients must pace from <c>X-Rate-Limit-*</c> alone.
    /// </summary>
    public bool SendRetryAfter { get; set; }

    /// <summary>Artificial latency added to every API request (stands in for a network round trip).</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>How many requests the inspection log keeps (the most recent).</summary>
    public int RequestLogCapacity { get; set; } = 100_000;

    /// <summary>How many synthetic KOOK users to serve (ids 3000000000 upward), for bulk runs.</summary>
    public int SyntheticUsers { get; set; } = 100_000;

    /// <summary>Serve https:// with a certificate issued by a test CA made at start (see <see cref="CaOutPath"/>).</summary>
    public bool Https { get; set; }

    /// <summary>A PFX (PKCS#12) file holding the certificate to serve https:// with, instead of a generated one.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Where to write the generated test CA's certificate (PEM), for clients to trust; a temporary file when not given.</summary>
    public string? CaOutPath { get; set; }

    /// <summary>
    /// Host names the generated certificate also covers, besides <c>localhost</c>, <c>127.0.0.1</c>, <c>::1</c>,
    /// <c>chatps.test</c> and <c>*.chatps.test</c> (the names tests reach the emulator by through a proxy).
    /// </summary>
    public List<string> TlsNames { get; } = new();

    /// <summary>Whether https:// is served (<see cref="Https"/> or <see cref="CertificatePath"/>).</summary>
    public bool UsesTls => Https || CertificatePath != null;

    /// <summary>
    /// Accept request bodies sent with <c>Transfer-Encoding: chunked</c>. Off by default: like strict gateways, the
    /// emulator answers them with 411 Length Required, so a client that does not send <c>Content-Length</c> is caught.
    /// </summary>
    public bool AllowChunked { get; set; }

    /// <summary>Parses <c>--port N --path-base P --kook-token T --kook-oauth-token T --tomon-token T --tomon-session-token T --rate-limit bucket=N/S --global-rate-limit N/S --retry-after --latency-ms N --synthetic-users N --https --certificate F.pfx --certificate-password P --ca-out F.pem --tls-name N --allow-chunked</c>.</summary>
    /// <exception cref="ArgumentException">An unknown option or a bad value.</exception>
    public static EmulatorOptions Parse(string[] args)
    {
        var o = new EmulatorOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--port": o.Port = ParseInt(name, Next(), 0, 65535); break;
                case "--path-base": o.PathBase = Next(); break;
                case "--kook-token": o.KookToken = Next(); break;
                case "--kook-oauth-token": o.KookOAuthToken = Next(); break;
                case "--tomon-token": o.TomonBotToken = Next(); break;
                case "--tomon-session-token": o.TomonSessionToken = Next(); break;
                case "--latency-ms": o.Latency = TimeSpan.FromMilliseconds(ParseInt(name, Next(), 0, 60_000)); break;
                case "--synthetic-users": o.SyntheticUsers = ParseInt(name, Next(), 0, 10_000_000); break;
                case "--request-log": o.RequestLogCapacity = ParseInt(name, Next(), 1, 10_000_000); break;
                case "--global-rate-limit":
                    string global = Next();
                    try
                    {
                        o.GlobalRateLimit = RateLimitRule.Parse("*=" + global).Rule;
                    }
                    catch (ArgumentException)
                    {
                        throw new ArgumentException($"--global-rate-limit takes limit/seconds (e.g. 10/1), not '{global}'.");
                    }
                    break;
                case "--retry-after": o.SendRetryAfter = true; break;
                case "--https": o.Https = true; break;
                case "--certificate": o.CertificatePath = Next(); break;
                case "--certificate-password": o.CertificatePassword = Next(); break;
                case "--ca-out": o.CaOutPath = Next(); break;
                case "--tls-name": o.TlsNames.Add(Next()); break;
                case "--allow-chunked": o.AllowChunked = true; break;
                case "--rate-limit":
                    var (bucket, rule) = RateLimitRule.Parse(Next());
                    if (bucket == "*") o.DefaultRateLimit = rule; else o.RateLimits[bucket] = rule;
                    break;
                default: throw new ArgumentException($"Unknown option '{name}'.");
            }
        }
        if (o.CertificatePassword != null && o.CertificatePath is null) throw new ArgumentException("--certificate-password needs --certificate.");
        if (o.Https && o.CertificatePath != null)
            throw new ArgumentException("Give --https (a generated certificate) or --certificate (yours), not both.");
        if (!o.Https && (o.CaOutPath != null || o.TlsNames.Count > 0))
            throw new ArgumentException("--ca-out and --tls-name are for the generated certificate: add --https.");
        return o;
    }

    private static int ParseInt(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max
            ? n : throw new ArgumentException($"{name} takes a whole number from {min} to {max}, not '{value}'.");
}

/// <summary>A fixed-window limit: <see cref="Limit"/> requests per <see cref="Window"/>; a limit of 0 disables it.</summary>
public sealed record RateLimitRule(int Limit, TimeSpan Window)
{
    /// <summary>Parses <c>bucket=limit/seconds</c>, e.g. <c>user/view=100/1</c> or <c>*=0/1</c>.</summary>
    public static (string Bucket, RateLimitRule Rule) Parse(string text)
    {
        int eq = text.IndexOf('=');
        int slash = text.LastIndexOf('/');
        if (eq <= 0 || slash < eq ||
            !int.TryParse(text.AsSpan(eq + 1, slash - eq - 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out int limit) || limit < 0 ||
            !double.TryParse(text.AsSpan(slash + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || seconds <= 0)
            throw new ArgumentException($"--rate-limit takes bucket=limit/seconds (e.g. user/view=100/1), not '{text}'.");
        return (text[..eq], new RateLimitRule(limit, TimeSpan.FromSeconds(seconds)));
    }
}
