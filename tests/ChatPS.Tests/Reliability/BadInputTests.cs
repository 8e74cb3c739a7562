using System.Net;
using ChatPS.Automation;
using ChatPS.Http;
using ChatPS.Kook;
using ChatPS.Tests.Infrastructure;
using ChatPS.Tomon;
using ChatPS.Tomon.Models;

namespace ChatPS.Tests.Reliability;

/// <summary>Each kind of bad input fails before any request, with a message naming the problem.</summary>
public class BadInputTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _emulator;
    private readonly TestFiles _files = new();

    public BadInputTests(EmulatorFixture emulator) => _emulator = emulator;

    public void Dispose() => _files.Dispose();

    private async Task NothingSent(Func<Task> call, string expectedInMessage)
    {
        int before = _emulator.Host.Requests.Count;
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(call);
        Assert.Contains(expectedInMessage, ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, _emulator.Host.Requests.Count);
    }

    [Fact]
    public async Task Ids()
    {
        using var kook = _emulator.Kook();
        using var tomon = await _emulator.Tomon();
        await NothingSent(() => kook.Users.GetAsync(""), "not a valid id");
        await NothingSent(() => kook.Users.GetAsync("   "), "not a valid id");
        await NothingSent(() => kook.Users.GetAsync("12ab"), "'12ab'");
        await NothingSent(() => kook.Users.GetAsync("1", "guild"), "'guild'");
        await NothingSent(() => tomon.Guilds.LeaveAsync("x"), "'x'");
        await NothingSent(() => tomon.StampPacks.AddAsync(""), "not a valid id");
        await NothingSent(() => tomon.DirectChannels.CreateAsync(Array.Empty<string>()), "at least one recipient");
        await NothingSent(() => tomon.DirectChannels.CreateAsync(new[] { "1", "two" }), "'two'");
    }

    [Fact]
    public async Task Reports()
    {
        using var tomon = await _emulator.Tomon();
        var ok = new TomonReportRequest { TargetId = "1", Reason = TomonReportReason.Spam };
        await NothingSent(() => tomon.Reports.CreateAsync(new TomonReportRequest { TargetId = "1", Reason = (TomonReportReason)42 }), "not a report reason");
        await NothingSent(() => tomon.Reports.CreateAsync(new TomonReportRequest { TargetId = "1", Comment = new string('c', 1001) }), "limit is 1000");
        await NothingSent(() => tomon.Reports.CreateAsync(ok, new[] { Path.Combine(_files.Folder, "none.png") }), "does not exist");
        await NothingSent(() => tomon.Reports.CreateAsync(ok, new[] { _files.Text("a.png", "text") }), "not a PNG");
        await NothingSent(() => tomon.Reports.CreateAsync(ok, new[] { _files.Png("big.png", 2048) }, maxEvidenceBytes: 1024), "the limit is 1,024 bytes");
        await NothingSent(() => tomon.Reports.CreateAsync(ok, new[] { _files.Folder }), "is a directory");
        if (!OperatingSystem.IsWindows() && Environment.UserName != "root")
        {
            string locked = _files.Png("locked.png", 100);
            File.SetUnixFileMode(locked, UnixFileMode.None);
            await NothingSent(() => tomon.Reports.CreateAsync(ok, new[] { locked }), "cannot be read");
        }
    }

    [Fact]
    public async Task Positions_profile_and_settings()
    {
        using var tomon = await _emulator.Tomon();
        await NothingSent(() => tomon.Guilds.ReorderAsync(TomonGuildsClient.PositionsFromMap(new Dictionary<string, object?> { ["1"] = 0, ["2"] = 0 })), "more than one guild");
        await NothingSent(() => tomon.Profile.UpdateAsync(new TomonProfileUpdate { Email = "a@b.cd" }), "current password");
        await NothingSent(() => tomon.GuildSettings.UpdateAsync(new Dictionary<string, object?>()), "no settings");
    }

    [Theory]
    [InlineData("not a uri")]
    [InlineData("ftp://example.com")]
    [InlineData("http://example.com/api")]
    public async Task Malformed_or_unsafe_base_uris(string uri)
    {
        await NothingSent(() => Connector.ConnectKookAsync(ApiToken.FromPlainText("token-123"), KookTokenType.Bot, new ConnectionSettings { BaseUri = uri }, false, default), uri.StartsWith("http://") ? "unencrypted" : "not an absolute");
        await NothingSent(() => Connector.ConnectTomonAsync(TomonSignIn.WithPassword("a#1", new NetworkCredential("", "p").SecurePassword), new ConnectionSettings { BaseUri = uri }, false, default), uri.StartsWith("http://") ? "unencrypted" : "not an absolute");
    }
}
