// ChatPS benchmarks: dotnet run -c Release --project bench/ChatPS.Benchmarks -- [--quick] [--markdown FILE]
// Starts the emulator in-process on loopback and prints a table, then one machine-readable RESULT line (last).
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ChatPS.Benchmarks;
using ChatPS.Emulator;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
bool quick = args.Contains("--quick");
int md = Array.IndexOf(args, "--markdown");
string? markdownPath = md >= 0 && md + 1 < args.Length ? args[md + 1] : null;
var sizes = quick ? BenchSizes.Quick : BenchSizes.Full;

var report = new StringBuilder();
void Say(string line)
{
    Console.WriteLine(line);
    report.AppendLine(line);
}

await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, SyntheticUsers = Math.Max(sizes.StreamResults, sizes.BulkLookups) + 1000, RequestLogCapacity = 1000 });
var bench = new Benchmarks(emulator, sizes);
string configuration =
#if DEBUG
    "Debug";
#else
    "Release";
#endif

Say($"# ChatPS benchmarks ({(quick ? "quick" : "full")} run)");
Say("");
Say($"- date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
Say($"- machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.ProcessArchitecture}");
Say($"- runtime: {RuntimeInformation.FrameworkDescription}, {configuration} build, workstation GC");
Say($"- server: the ChatPS emulator in the same process on 127.0.0.1, KOOK `user/view` for synthetic users");
Say("");

var overhead = await bench.OverheadAsync();
Say("## 1. Per-call latency, `user/view` (median of " + sizes.OverheadCalls + " interleaved calls each)");
Say("");
Say($"Warm-up: {overhead.WarmupCalls:N0} calls each over {overhead.WarmupSeconds:0.0} s, " +
    (overhead.Settled ? $"until the JIT had compiled nothing for {Benchmarks.StableFor.TotalSeconds:0} s" : "cap reached while the JIT was still compiling") +
    $"; methods compiled while timing: {overhead.JittedDuringMeasurement}.");
Say("");
Say("| client | median ms | p95 ms | allocated per call, process-wide |");
Say("|---|---:|---:|---:|");
Say($"| bare HttpClient: GET + JsonDocument parse | {overhead.Raw:0.000} | {overhead.RawP95:0.000} | {overhead.RawBytesPerCall:N0} B |");
Say($"| ChatPS KookClient.Users.GetAsync (typed model) | {overhead.ChatPs:0.000} | {overhead.ChatPsP95:0.000} | {overhead.ChatPsBytesPerCall:N0} B |");
Say($"| **ratio** | **{overhead.Ratio:0.000}** | | |");
Say("");

var bulk = await bench.BulkUnderLimitAsync();
Say($"## 2. Bulk lookups under a {sizes.BulkLimitPerSecond} req/s limit ({sizes.BulkLookups:N0} ids, ThrottleLimit 4)");
Say("");
Say("| wall s | floor N/limit s | ratio | 429s |");
Say("|---:|---:|---:|---:|");
Say($"| {bulk.Seconds:0.00} | {bulk.Floor:0.00} | **{bulk.Ratio:0.000}** | **{bulk.Rejected}** |");
Say("");

var throughput = await bench.ThroughputAsync(new[] { 1, 4, 16 });
Say($"## 3. Throughput with no limit and {sizes.LatencyMs} ms simulated server latency ({sizes.LatencyCalls} lookups each)");
Say("");
Say("| ThrottleLimit | lookups/s | speed-up over sequential |");
Say("|---:|---:|---:|");
foreach (var row in throughput) Say($"| {row.Throttle} | {row.PerSecond:0.0} | {row.Speedup:0.00}x |");
Say("");

var memory = await bench.StreamingMemoryAsync();
Say($"## 4. Peak managed heap while streaming results (ThrottleLimit 8, process-wide, emulator included)");
Say("");
Say("| results | peak MiB |");
Say("|---:|---:|");
Say($"| {memory.Results / 10:N0} | {memory.SmallPeakMiB:0.0} |");
Say($"| {memory.Results:N0} | {memory.PeakMiB:0.0} |");
Say("");

long connections = await bench.ConnectionsAsync();
Say($"## 5. TCP connections accepted for {sizes.SequentialCalls:N0} sequential calls on one connection: **{connections}**");
Say("");

double speedup16 = throughput.Single(r => r.Throttle == 16).Speedup;
string result = $"RESULT overhead_ratio={overhead.Ratio:0.000} bulk_floor_ratio={bulk.Ratio:0.000} bulk_429={bulk.Rejected} speedup16={speedup16:0.00} stream_peak_mib={memory.PeakMiB:0.0} connections={connections}";
if (markdownPath != null)
{
    report.AppendLine("```");
    report.AppendLine(result);
    report.AppendLine("```");
    File.WriteAllText(markdownPath, report.ToString());
}
Console.WriteLine(result);
