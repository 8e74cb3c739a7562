using System.Security.Cryptography;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;
using ChatPS.Tomon;
using ChatPS.Tomon.Models;

namespace ChatPS.Tests.Tomon;

public class TomonReportsTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _emulator;
    private readonly TestFiles _files = new();

    public TomonReportsTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.ResetDiagnostics();
    }

    public void Dispose() => _files.Dispose();

    private static TomonReportRequest Report(string comment = "spam bot") =>
        new() { TargetId = "77334868412862464", Type = TomonReportType.User, Reason = TomonReportReason.Spam, Comment = comment };

    [Fact]
    public async Task A_report_without_evidence_is_sent_as_json()
    {
        using var tomon = await _emulator.Tomon();
        var report = await tomon.Reports.CreateAsync(Report());
        Assert.Equal(TomonReportState.Pending, report.State);
        Assert.Equal(TomonReportReason.Spam, report.Reason);
        Assert.Equal(TomonReportType.User, report.Type);
        Assert.Equal("77334868412862464", report.TargetId);
        var stored = _emulator.Host.Tomon.ReportsSnapshot().Single(r => r.Id == report.Id);
        Assert.Equal("application/json", stored.ContentType);
        Assert.Empty(stored.Files);
    }

    [Fact]
    public async Task A_multipart_report_with_two_images_arrives_intact()
    {
        using var tomon = await _emulator.Tomon();
        string png = _files.Png("screenshot.png", 300_000);
        string jpeg = _files.Jpeg("photo.jpg", 123_457);

        var report = await tomon.Reports.CreateAsync(Report("see attached"), new[] { png, jpeg });

        var stored = _emulator.Host.Tomon.ReportsSnapshot().Single(r => r.Id == report.Id);
        Assert.Equal("multipart/form-data", stored.ContentType);
        Assert.Equal("see attached", stored.Comment);
        Assert.Equal(2, stored.Files.Count);
        foreach (var (path, type, received) in new[] { (png, "image/png", stored.Files[0]), (jpeg, "image/jpeg", stored.Files[1]) })
        {
            Assert.Equal(Path.GetFileName(path), received.FileName);
            Assert.Equal(new FileInfo(path).Length, received.Length);
            Assert.Equal(type, received.ContentType);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant(), received.Sha256);
        }
    }

    [Fact]
    public async Task Invalid_evidence_fails_with_nothing_sent()
    {
        using var tomon = await _emulator.Tomon();
        string good = _files.Png("ok.png", 1000);
        var cases = new (string Path, EvidenceProblem Problem)[]
        {
            (Path.Combine(_files.Folder, "missing.png"), EvidenceProblem.NotFound),
            (_files.Text("notes.png", "this is text, not a picture"), EvidenceProblem.NotAnImage),
            (_files.Png("huge.png", 5000), EvidenceProblem.TooLarge),
            (_files.Folder, EvidenceProblem.IsDirectory),
            (_files.Text("empty.png", ""), EvidenceProblem.Empty),
        };
        int before = _emulator.Host.Requests.Count;
        foreach (var (path, problem) in cases)
        {
            var ex = await Assert.ThrowsAsync<ReportEvidenceException>(() => tomon.Reports.CreateAsync(Report(), new[] { good, path }, maxEvidenceBytes: 4096));
            Assert.Equal(problem, ex.Problem);
            Assert.Equal(path, ex.Path);
        }
        Assert.Equal(before, _emulator.Host.Requests.Count);
    }

    [Fact]
    public async Task Bad_report_fields_fail_with_nothing_sent()
    {
        using var tomon = await _emulator.Tomon();
        int before = _emulator.Host.Requests.Count;
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.Reports.CreateAsync(Report(new string('x', TomonReportRequest.MaxCommentLength + 1))));
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.Reports.CreateAsync(new TomonReportRequest { TargetId = "77334868412862464", Reason = (TomonReportReason)9 }));
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.Reports.CreateAsync(new TomonReportRequest { TargetId = "77334868412862464", Type = (TomonReportType)7 }));
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.Reports.CreateAsync(new TomonReportRequest { TargetId = "not-an-id" }));
        Assert.Equal(before, _emulator.Host.Requests.Count);
        // The longest allowed comment is accepted.
        await tomon.Reports.CreateAsync(Report(new string('x', TomonReportRequest.MaxCommentLength)));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDB }, "image/jpeg")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, "image/gif")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, "image/webp")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'A', (byte)'V', (byte)'E' }, null)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 }, null)]
    public void Images_are_recognised_by_their_magic_bytes(byte[] header, string? mediaType)
    {
        var padded = new byte[12];
        header.CopyTo(padded, 0);
        Assert.Equal(mediaType, ReportEvidence.Sniff(padded, header.Length));
    }
}
