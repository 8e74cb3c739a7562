using System.Diagnostics;
using System.Text.Json;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Layout;

/// <summary>
/// The emulator as users get it: packed as a .NET tool from its project, installed into a tool path from a folder feed,
/// started as <c>chatps-emulator --port 0</c>, and answering on the URL its first line prints.
/// </summary>
[Collection(nameof(EmulatorToolCollection))]
public sealed class EmulatorToolTests : IDisposable
{
    // Safety nets against a hang only; on a busy machine the steps take seconds to a minute, never this long.
    private static readonly TimeSpan StepLimit = TimeSpan.FromMinutes(10);

    private readonly string _scratch = Directory.CreateTempSubdirectory("chatps-tool-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_scratch, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    // The configuration these tests were built in (bin/<cfg>/net10.0/): the emulator was built in the same one.
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    [Fact]
    public async Task The_packed_tool_installs_from_a_folder_feed_and_serves_on_the_port_it_prints()
    {
        string feed = Path.Combine(_scratch, "feed");
        string toolPath = Path.Combine(_scratch, "tools");
        // A private package cache and a config with only the folder feed: nothing stale from ~/.nuget, nothing asked of a registry.
        string config = Path.Combine(_scratch, "nuget.config");
        File.WriteAllText(config, "<?xml version=\"1.0\" encoding=\"utf-8\"?><configuration><packageSources><clear /></packageSources></configuration>");
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_scratch, "packages") };

        await RunAsync("dotnet", env, "pack", Path.Combine(RepoPaths.Root, "tools", "ChatPS.Emulator"), "-c", Configuration, "--no-build", "-o", feed, "-nologo");
        Assert.Single(Directory.GetFiles(feed, "ChatPS.Emulator.*.nupkg"));
        await RunAsync("dotnet", env, "tool", "install", "--tool-path", toolPath, "--configfile", config, "--add-source", feed, "ChatPS.Emulator");

        string command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "chatps-emulator.exe" : "chatps-emulator");
        Assert.True(File.Exists(command), "no chatps-emulator in " + toolPath);

        using var emulator = Start(command, null, "--port", "0");
        try
        {
            string? first = await emulator.StandardOutput.ReadLineAsync().WaitAsync(StepLimit);
            Assert.NotNull(first);
            var url = System.Text.RegularExpressions.Regex.Match(first!, @"listening on (http://\S+)").Groups[1].Value;
            Assert.True(url.Length > 0, "unexpected first line: " + first);
            var baseUri = new Uri(url);
            Assert.NotEqual(0, baseUri.Port);

            using var http = new HttpClient { BaseAddress = baseUri };
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/v3/user/me");
            request.Headers.TryAddWithoutValidation("Authorization", "Bot kook-emulator-token");
            using var response = await http.SendAsync(request);
            Assert.Equal(200, (int)response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(0, body.RootElement.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("data").GetProperty("id").GetString()));
        }
        finally
        {
            if (!emulator.HasExited) emulator.Kill(entireProcessTree: true);
            await emulator.WaitForExitAsync().WaitAsync(StepLimit);
        }
    }

    private static Process Start(string file, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        if (env != null) foreach (var (key, value) in env) info.Environment[key] = value;
        return Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
    }

    private static async Task RunAsync(string file, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        using var process = Start(file, env, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(StepLimit);
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
    }
}
