using System.Management.Automation;
using ChatPS.Emulator.Infrastructure;
using ChatPS.Hosted.Tests.Infrastructure;

namespace ChatPS.Hosted.Tests;

/// <summary>
/// The error records the engine receives: ChatPS's stable ErrorId at the start of FullyQualifiedErrorId, the category,
/// the offending input as TargetObject, and which failures stop the command (seen through the error stream, HadErrors,
/// try/catch and -ErrorAction Stop).
/// </summary>
[Trait("Category", "Hosted")]
public sealed class ErrorRecordTests : IClassFixture<HostedSession>, IDisposable
{
    private readonly HostedSession _session;
    private readonly string _folder = Directory.CreateTempSubdirectory("chatps-hosted-").FullName;

    public ErrorRecordTests(HostedSession session)
    {
        _session = session;
        session.Reset();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void An_unknown_user_is_a_non_terminating_ObjectNotFound_with_the_id_as_TargetObject()
    {
        var run = _session.Run("Get-KookUser -Id 1999999999, 1000000001; $?");

        Assert.Equal("1000000001", run.Output[0].Properties["Id"].Value);
        Assert.Equal(false, run.Output[1].BaseObject);
        var record = run.SingleError;
        Assert.Equal("ChatPS.Kook.40000,ChatPS.Module.Cmdlets.Kook.GetKookUserCommand", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
        Assert.Equal("1999999999", record.TargetObject);
        Assert.True(run.HadErrors);
        Assert.Null(run.Thrown);
    }

    [Fact]
    public void ErrorAction_Stop_turns_the_same_failure_into_a_thrown_ActionPreferenceStopException()
    {
        var run = _session.RunCommand("Get-KookUser", new() { ["Id"] = new[] { "1999999999" }, ["ErrorAction"] = "Stop" });

        Assert.IsType<ActionPreferenceStopException>(run.Thrown);
        Assert.StartsWith("ChatPS.Kook.40000,", run.ThrownRecord.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, run.ThrownRecord.CategoryInfo.Category);
        Assert.Equal("1999999999", run.ThrownRecord.TargetObject);
    }

    [Fact]
    public void Try_catch_sees_a_per_item_failure_only_under_ErrorAction_Stop()
    {
        var run = _session.Run("""
            try { Get-KookUser -Id 1999999999; 'went on' } catch { 'caught without Stop' }
            try { Get-KookUser -Id 1999999999 -ErrorAction Stop; 'went on under Stop' } catch { 'caught ' + $_.FullyQualifiedErrorId }
            """);

        Assert.Equal(new[] { "went on", "caught ChatPS.Kook.40000,ChatPS.Module.Cmdlets.Kook.GetKookUserCommand" }, run.Strings);
        Assert.Single(run.Errors);
    }

    [Fact]
    public void An_authentication_failure_mid_pipeline_stops_the_pipeline_with_one_error()
    {
        _session.Emulator.Faults.Add(new FaultRule
        {
            Method = "GET",
            Path = "/api/v3/user/view",
            Kind = FaultKind.Reply,
            Status = 401,
            Count = 100,
            Body = """{"code":401,"message":"Unauthorized","data":{"name":"Unauthorized","status":401}}""",
        });

        var run = _session.Run("'1000000001', '1000000002', '1000000003' | Get-KookUser -ThrottleLimit 1; 'next statement'");

        var record = run.SingleError;
        Assert.StartsWith("ChatPS.Kook.401,", record.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.AuthenticationError, record.CategoryInfo.Category);
        Assert.Equal(new[] { "next statement" }, run.Strings);
    }

    [Fact]
    public void A_missing_permission_is_PermissionDenied()
    {
        _session.Fault("GET", "/api/v3/user/view", FaultKind.Forbidden);

        var run = _session.Run("Get-KookUser -Id 1000000002");

        var record = run.SingleError;
        Assert.StartsWith("ChatPS.Kook.403,", record.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.PermissionDenied, record.CategoryInfo.Category);
        Assert.Equal("1000000002", record.TargetObject);
    }

    [Fact]
    public void A_service_that_keeps_failing_is_ResourceUnavailable_after_its_retries()
    {
        _session.Fault("GET", "/api/v3/user/get-online-status", FaultKind.ServerError, count: 100);

        var run = _session.Run("Get-KookBotOnlineStatus");

        var record = run.SingleError;
        Assert.StartsWith("ChatPS.Kook.", record.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ResourceUnavailable, record.CategoryInfo.Category);
        // A GET is safe to retry: more than one attempt reached the emulator.
        Assert.True(_session.Requests("/api/v3/user/get-online-status").Count > 1);
    }

    [Fact]
    public void Leaving_a_guild_the_user_is_not_in_is_ObjectNotFound_with_the_id_as_TargetObject()
    {
        var run = _session.Run("Exit-TomonGuild -Id 999999999999999999 -Confirm:$false");

        var record = run.SingleError;
        Assert.Equal("ChatPS.Tomon.Http404,ChatPS.Module.Cmdlets.Tomon.ExitTomonGuildCommand", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
        Assert.Equal("999999999999999999", record.TargetObject);
    }

    [Fact]
    public void A_name_already_taken_is_ResourceExists()
    {
        var run = _session.Run("""
            Set-TomonUser -CurrentPassword (ConvertTo-SecureString 'tomon-password' -AsPlainText -Force) -Username tomon -Discriminator 0000 -Confirm:$false
            """);

        var record = run.SingleError;
        Assert.StartsWith("ChatPS.Tomon.Http400,", record.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ResourceExists, record.CategoryInfo.Category);
        Assert.Contains("'0000'", Assert.IsType<string>(record.TargetObject), StringComparison.Ordinal);
    }

    [Fact]
    public void A_raw_call_to_a_path_the_service_lacks_names_the_path_as_TargetObject()
    {
        var run = _session.Run("Invoke-TomonApi users/@me/no-such-thing");

        var record = run.SingleError;
        Assert.StartsWith("ChatPS.Tomon.Http404,ChatPS.Module.Cmdlets.Tomon.InvokeTomonApiCommand", record.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("users/@me/no-such-thing", record.TargetObject);
    }

    [Fact]
    public void A_bad_channel_override_is_refused_locally_as_ChatPS_InvalidArgument_naming_the_guild()
    {
        var run = _session.Run("Set-TomonGuildSetting -GuildId 200000000000000001 -ChannelOverride @{ channel_id = '1' } -Confirm:$false");

        var record = run.SingleError;
        Assert.Equal("ChatPS.InvalidArgument,ChatPS.Module.Cmdlets.Tomon.SetTomonGuildSettingCommand", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
        Assert.Equal("200000000000000001", record.TargetObject);
        Assert.Empty(_session.Emulator.Requests.Snapshot());
    }

    [Theory]
    [InlineData("fake.png", "not an image", "NotAnImage", ErrorCategory.InvalidArgument)]
    [InlineData("empty.png", "", "Empty", ErrorCategory.InvalidArgument)]
    [InlineData("missing.png", null, "NotFound", ErrorCategory.ObjectNotFound)]
    public void Evidence_is_checked_before_anything_is_sent_even_under_WhatIf(string name, string? content, string problem, ErrorCategory category)
    {
        string path = Path.Combine(_folder, name);
        if (content != null) File.WriteAllText(path, content);

        var run = _session.Run("param($Path) New-TomonReport -TargetId 77334868412862464 -Reason Spam -EvidencePath $Path -WhatIf",
            new() { ["Path"] = path });

        var record = run.SingleError;
        Assert.StartsWith("ChatPS.Tomon.Evidence." + problem + ",", record.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(category, record.CategoryInfo.Category);
        Assert.Equal(path, record.TargetObject);
        Assert.Empty(run.HostText);
        Assert.Empty(_session.Emulator.Requests.Snapshot());
    }

    [Fact]
    public void A_wildcard_in_a_folder_that_does_not_exist_is_NotFound_with_the_pattern_as_TargetObject()
    {
        string pattern = Path.Combine(_folder, "no-such-folder", "*.png");

        var run = _session.Run("param($Path) New-TomonReport -TargetId 77334868412862464 -Reason Spam -EvidencePath $Path -Confirm:$false",
            new() { ["Path"] = pattern });

        Assert.StartsWith("ChatPS.Tomon.Evidence.NotFound,", run.SingleError.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(pattern, run.SingleError.TargetObject);
        Assert.Empty(_session.Emulator.Requests.Snapshot());
    }

    // The provider API throws ItemNotFoundException only when the folder is missing; an existing folder with no match
    // resolves to no paths, which once filed the report with no evidence and no error.
    [Fact]
    public void A_wildcard_that_matches_no_evidence_is_NotFound_and_no_report_is_filed()
    {
        string pattern = Path.Combine(_folder, "*.png");

        var run = _session.Run("param($Path) New-TomonReport -TargetId 77334868412862464 -Reason Spam -EvidencePath $Path -Confirm:$false",
            new() { ["Path"] = pattern });

        Assert.StartsWith("ChatPS.Tomon.Evidence.NotFound,", run.SingleError.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(pattern, run.SingleError.TargetObject);
        Assert.Empty(run.Output);
        Assert.Empty(_session.Requests("POST", "/api/v1/users/@me/reports"));
    }
}
