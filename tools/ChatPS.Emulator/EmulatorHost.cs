using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ChatPS.Emulator.Infrastructure;
using ChatPS.Emulator.Kook;
using ChatPS.Emulator.Tomon;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatPS.Emulator;

/// <summary>
/// A running emulator: a Kestrel server on 127.0.0.1 serving KOOK at <c>/api/v3</c> and Tomon at <c>/api/v1</c>, with a request
/// log, a connection counter, per-bucket rate limits and a fault plan. Start it from a test with
/// <see cref="StartAsync"/> (port 0 picks a free port) or from the command line.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    /// <summary>
    /// How long stopping waits for requests in flight before cutting their connections: short, so a stalled request
    /// (a Stall fault, a client that never reads) cannot hold up Ctrl+C, <c>kill</c> or a test's clean-up.
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(1);

    private const string RecordKey = "chatps.emulator.record";
    private readonly WebApplication _app;
    private long _connections;

    private EmulatorHost(EmulatorOptions options, WebApplication app)
    {
        Options = options;
        _app = app;
        Kook = new KookState(options.SyntheticUsers);
        KookLimiter = new FixedWindowLimiter(bucket => Options.RateLimits.TryGetValue(bucket, out var rule) ? rule : Options.DefaultRateLimit);
        Tomon = new TomonState(options.TomonSessionToken);
        Requests = new RequestLog(options.RequestLogCapacity);
        TomonLimiter = new FixedWindowLimiter(_ => Options.TomonRateLimit);
        KookGlobalLimiter = new FixedWindowLimiter(_ => Options.GlobalRateLimit);
    }

    /// <summary>The options the emulator runs with; rate limits and latency may be changed while it runs.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>The emulated KOOK world.</summary>
    public KookState Kook { get; }

    /// <summary>KOOK's rate-limit counters.</summary>
    public FixedWindowLimiter KookLimiter { get; }

    /// <summary>KOOK's global limit across all buckets of a caller (<see cref="EmulatorOptions.GlobalRateLimit"/>).</summary>
    public FixedWindowLimiter KookGlobalLimiter { get; }

    /// <summary>The emulated Tomon world.</summary>
    public TomonState Tomon { get; }

    /// <summary>Tomon's rate-limit counters.</summary>
    public FixedWindowLimiter TomonLimiter { get; }

    /// <summary>The most recent requests received (<see cref="EmulatorOptions.RequestLogCapacity"/>).</summary>
    public RequestLog Requests { get; }

    /// <summary>Faults to inject.</summary>
    public FaultPlan Faults { get; } = new();

    /// <summary>TCP connections accepted since start.</summary>
    public long ConnectionsAccepted => Interlocked.Read(ref _connections);

    /// <summary>The generated test CA and server certificate (<c>--https</c>), or null.</summary>
    public TestCertificates? Certificates { get; private set; }

    /// <summary>The PEM file holding the test CA's certificate, for clients to trust (<c>--https</c>), or null.</summary>
    public string? CaCertificatePath { get; private set; }

    private bool _deleteCaFile;

    /// <summary>The root address, e.g. <c>http://127.0.0.1:5380/</c> (<c>https://</c> with TLS).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>KOOK's API root on this emulator (including the path base, if any).</summary>
    public Uri KookBaseUri => new(BaseAddress, PathBasePrefix + "api/v3");

    /// <summary>Tomon's API root on this emulator (including the path base, if any).</summary>
    public Uri TomonBaseUri => new(BaseAddress, PathBasePrefix + "api/v1");

    private string PathBasePrefix => string.IsNullOrEmpty(Options.PathBase) ? string.Empty : Options.PathBase.Trim('/') + "/";

    /// <summary>Starts an emulator and returns once it is listening.</summary>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        // The default console lifetime would take over the process's Ctrl+C and SIGTERM (and swallow them in a test
        // host); whoever runs the emulator decides when it stops (Program.cs handles the signals itself).
        builder.Services.AddSingleton<IHostLifetime, UnmanagedLifetime>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        EmulatorHost? host = null;
        // Real TLS: a certificate from a test CA made now (--https), or the caller's PFX (--certificate).
        var generated = options.Https ? TestCertificates.Create(options.TlsNames) : null;
        var certificate = generated?.Server ?? (options.CertificatePath is null ? null : TestCertificates.Load(options.CertificatePath, options.CertificatePassword));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                listen.Use(next => connection =>
                {
                    Interlocked.Increment(ref host!._connections);
                    return next(connection);
                });
                if (certificate != null) listen.UseHttps(certificate);
            });
        });
        var app = builder.Build();
        host = new EmulatorHost(options, app) { Certificates = generated };
        if (generated != null)
        {
            host._deleteCaFile = options.CaOutPath is null;
            host.CaCertificatePath = generated.WriteCaPem(options.CaOutPath);
        }
        host.Configure();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return host;
    }

    /// <summary>The log record of the request being handled, if it is an API request.</summary>
    public static RequestRecord? Record(HttpContext context) => context.Items[RecordKey] as RequestRecord;

    /// <summary>Clears the request log, the fault plan and rate-limit windows (state such as online status is kept).</summary>
    public void ResetDiagnostics()
    {
        Requests.Clear();
        Faults.Clear();
        KookLimiter.Clear();
        KookGlobalLimiter.Clear();
        TomonLimiter.Clear();
    }

    private void Configure()
    {
        var app = _app;
        if (!string.IsNullOrEmpty(Options.PathBase)) app.UsePathBase("/" + Options.PathBase.Trim('/'));

        app.Use(async (context, next) =>
        {
            string path = context.Request.Path.Value ?? "/";
            if (path.StartsWith("/_emulator", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }

            string auth = context.Request.Headers.Authorization.ToString();
            int space = auth.IndexOf(' ');
            var headers = context.Request.Headers;
            bool chunked = headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase);
            var record = Requests.Add(seq => new RequestRecord(seq, DateTimeOffset.UtcNow, context.Request.Method, path,
                context.Request.QueryString.Value ?? string.Empty, auth.Length == 0 ? null : space > 0 ? auth[..space] : auth,
                headers.UserAgent.ToString(), context.Request.ContentType, context.Request.ContentLength ?? 0)
            {
                Host = headers.Host.ToString(),
                Via = headers.Via.Count == 0 ? null : headers.Via.ToString(),
                ProxyAuthorization = headers.ContainsKey("Proxy-Authorization"),
                Chunked = chunked,
                Scheme = context.Request.Scheme,
            });
            context.Items[RecordKey] = record;
            context.Response.OnStarting(() =>
            {
                record.Status = context.Response.StatusCode;
                return Task.CompletedTask;
            });

            if (chunked && !Options.AllowChunked)
            {
                // As strict gateways and WAFs answer a body without a Content-Length (--allow-chunked accepts it).
                context.Response.StatusCode = StatusCodes.Status411LengthRequired;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><head><title>411 Length Required</title></head><body><center><h1>411 Length Required</h1></center><hr><center>chatps-emulator</center></body></html>");
                return;
            }

            var fault = Faults.Take(context.Request.Method, path);
            if (fault != null)
            {
                record.Fault = fault.Kind.ToString();
                await FaultInjector.ApplyAsync(context, fault, Options.SendRetryAfter);
                return;
            }
            if (Options.Latency > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(Options.Latency, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            await next(context);
        });

        AdminEndpoints.Map(app, this);
        KookEndpoints.Map(app, this);
        TomonEndpoints.Map(app, this);
    }

    /// <summary>Stops the server (requests in flight get <see cref="ShutdownTimeout"/>, then are cut).</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        if (_deleteCaFile && CaCertificatePath != null)
        {
            try
            {
                System.IO.File.Delete(CaCertificatePath);
            }
            catch (System.IO.IOException)
            {
                // A temporary file; the system cleans it up.
            }
        }
        Certificates?.Dispose();
    }

    /// <summary>A lifetime that listens to no signals: the emulator stops when it is disposed.</summary>
    private sealed class UnmanagedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
