using System;
using System.IO;
using System.Threading.Tasks;
using ChatPS.Emulator;
using ChatPS.Emulator.Infrastructure;

// Ctrl+C, `kill` and `kill -INT` stop the server gracefully (see StopSignals); listening starts before anything else.
using var signals = StopSignals.Listen();

EmulatorOptions options;
var faults = new System.Collections.Generic.List<FaultRule>();
bool exitWithStdin = false;
try
{
    // --fault is handled here so EmulatorOptions stays a plain settings object.
    var rest = new System.Collections.Generic.List<string>();
    for (int i = 0; i < args.Length; i++)
    {
        if (args[i] == "--fault" && i + 1 < args.Length) faults.Add(FaultPlan.ParseRule(args[++i]));
        else if (args[i] == "--exit-with-stdin") exitWithStdin = true;
        else if (args[i] is "--help" or "-h")
        {
            Console.WriteLine("""
                ChatPS emulator: KOOK (/api/v3) and Tomon (/api/v1) on 127.0.0.1 for tests and scripts.
                  --port N                    TCP port (default 5380; 0 = any free port)
                  --path-base /prefix         also serve the APIs under a path prefix
                  --kook-token T              KOOK bot token (default kook-emulator-token)
                  --kook-oauth-token T        KOOK OAuth token (default kook-emulator-oauth-token)
                  --tomon-token T             Tomon bot token for /auth/login (default tomon-emulator-token)
                  --tomon-session-token T     Tomon session token usable directly (default tomon-emulator-session)
                  --rate-limit bucket=N/S     N requests per S seconds for a bucket ('*' = default, 240/1)
                  --global-rate-limit N/S     KOOK limit across all buckets (off by default); a hit sends
                                              X-Rate-Limit-Global with no value
                  --retry-after               also send Retry-After on KOOK 429s (KOOK itself does not)
                  --latency-ms N              add N ms to every API request
                  --synthetic-users N         serve N synthetic users from id 3000000000
                  --request-log N             keep the last N requests for /_emulator/requests (default 100000)
                  --exit-with-stdin           stop when standard input closes (the process that started the
                                              emulator with a pipe has ended, however it ended) and leave Ctrl+C
                                              to the terminal's shell
                  --fault METHOD:path:kind[:count[:seconds]]
                                              inject a fault (ServerError, Forbidden, BadGatewayHtml, Unavailable,
                                              RateLimited, ConnectionReset, TruncatedJson, Stall; Redirect
                                              and Reply need location/status/body: POST /_emulator/faults)
                  --https                     serve https:// with a certificate from a test CA made at start
                                              (covers localhost, 127.0.0.1, ::1, chatps.test, *.chatps.test)
                  --tls-name NAME             another name for the generated certificate (repeatable)
                  --ca-out FILE               write the test CA's certificate (PEM) there, for clients to trust
                                              (default: a temporary file, named on the second line)
                  --certificate FILE.pfx      serve https:// with this certificate instead
                  --certificate-password P    its password
                  --allow-chunked             accept chunked request bodies (default: 411 Length Required)
                Inspect: GET /_emulator/requests, /_emulator/stats, /_emulator/faults, /_emulator/reports; POST /_emulator/faults.
                """);
            return 0;
        }
        else rest.Add(args[i]);
    }
    options = EmulatorOptions.Parse(rest.ToArray());
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine("chatps-emulator: " + ex.Message);
    return 2;
}

EmulatorHost host;
try
{
    host = await EmulatorHost.StartAsync(options);
}
catch (ArgumentException ex)
{
    // An unusable --certificate.
    Console.Error.WriteLine("chatps-emulator: " + ex.Message);
    return 2;
}
catch (IOException ex)
{
    // Typically the port is taken; Kestrel's message names the address.
    Console.Error.WriteLine("chatps-emulator: " + ex.Message);
    return 1;
}
try
{
    foreach (var rule in faults) host.Faults.Add(rule);
    // The first line is stable, so scripts can read the address (with --port 0, the only way to learn it).
    Console.WriteLine($"ChatPS emulator listening on {host.BaseAddress}");
    if (host.CaCertificatePath != null) Console.WriteLine($"  Test CA certificate (trust it to call over https): {host.CaCertificatePath}");
    Console.WriteLine($"  KOOK  base URI: {host.KookBaseUri}   bot token: {options.KookToken}   OAuth token: {options.KookOAuthToken}");
    Console.WriteLine($"  Tomon base URI: {host.TomonBaseUri}   bot token: {options.TomonBotToken}   session token: {options.TomonSessionToken}");
    Console.WriteLine($"  Inspect: {host.BaseAddress}_emulator/requests   {host.BaseAddress}_emulator/stats");
    if (exitWithStdin)
    {
        signals.IgnoreInterrupt = true;
        Console.WriteLine("Stops when its standard input closes (or on SIGTERM).");
        Console.Out.Flush();
        var closed = StandardInput.ClosedAsync();
        var first = await Task.WhenAny(closed, signals.Received);
        Console.WriteLine(first == closed ? "Stopping (standard input closed)." : $"Stopping ({await signals.Received}).");
    }
    else
    {
        Console.WriteLine("Press Ctrl+C (or send SIGTERM) to stop.");
        Console.Out.Flush();
        Console.WriteLine($"Stopping ({await signals.Received}).");
    }
}
finally
{
    // Requests still in flight get EmulatorHost.ShutdownTimeout to finish; then their connections are cut.
    await host.DisposeAsync();
}
Console.WriteLine("ChatPS emulator stopped.");
return 0;
