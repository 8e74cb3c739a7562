using System.Management.Automation;
using ChatPS.Hosted.Tests.Infrastructure;

namespace ChatPS.Hosted.Tests;

/// <summary>
/// Pipeline input bound by the engine: by value, by property name (including the aliases UserId, GuildId, PackId), from
/// host objects, from CSV rows and from the module's own objects, in input order, one item's failure apart from the rest.
/// </summary>
[Trait("Category", "Hosted")]
public sealed class PipelineBindingTests : IClassFixture<HostedSession>
{
    private const string Guild = "9000000000000001";
    private readonly HostedSession _session;

    public PipelineBindingTests(HostedSession session)
    {
        _session = session;
        session.Reset();
    }

    [Fact]
    public void Host_objects_bind_Get_KookUser_Id_by_their_UserId_or_Id_property()
    {
        var input = new object[] { new { UserId = "1000000001", Name = "ignored" }, new { Id = "1000000002" } };

        var run = _session.RunCommand("Get-KookUser", new() { ["GuildId"] = Guild }, input).AssertClean();

        Assert.Equal(new[] { "1000000001", "1000000002" }, run.Property("Id"));
        Assert.Equal(new[] { "Alice (admin)", "Bobby" }, run.Property("Nickname"));
        Assert.All(_session.Requests("/api/v3/user/view"), r => Assert.Contains("guild_id=" + Guild, r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public void CSV_rows_bind_both_the_id_and_their_own_GuildId()
    {
        var run = _session.Run($"""
            "UserId,GuildId`n1000000001,{Guild}`n1000000003,{Guild}" | ConvertFrom-Csv | Get-KookUser
            """).AssertClean();

        Assert.Equal(new[] { "1000000001", "1000000003" }, run.Property("Id"));
        Assert.Equal(2, _session.Requests("/api/v3/user/view").Count(r => r.Query.Contains("guild_id=" + Guild, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_module_own_users_piped_back_in_are_looked_up_again_by_their_Id()
    {
        var run = _session.Run($"Get-KookUser -Id 1000000001 | Get-KookUser -GuildId {Guild}").AssertClean();

        Assert.Equal("Alice (admin)", Assert.Single(run.Output).Properties["Nickname"].Value);
        Assert.Equal(2, _session.Requests("/api/v3/user/view").Count);
    }

    [Fact]
    public void An_object_with_no_id_is_refused_alone_with_itself_as_TargetObject()
    {
        var stray = new { Name = "no id here" };

        var run = _session.RunCommand("Get-KookUser", input: new object[] { stray, "1000000001" });

        Assert.Equal(new[] { "1000000001" }, run.Property("Id"));
        var record = run.SingleError;
        Assert.StartsWith("ParameterArgumentValidationError,", record.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Same(stray, record.TargetObject);
        Assert.Single(_session.Requests("/api/v3/user/view"));
    }

    [Fact]
    public void A_bare_id_piped_to_a_command_that_binds_only_by_property_name_is_InputObjectNotBound()
    {
        var run = _session.RunCommand("New-TomonReport", new() { ["Reason"] = "Spam", ["WhatIf"] = true }, new[] { "77334868412862464" });

        var record = run.SingleError;
        Assert.StartsWith("InputObjectNotBound,", record.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("77334868412862464", record.TargetObject);
    }

    [Fact]
    public void Results_and_errors_come_out_in_input_order_whatever_finishes_first()
    {
        var run = _session.Run("'1000000001', '1999999999', '1000000002' | Get-KookUser -ThrottleLimit 3 2>&1");

        Assert.Collection(run.Output,
            o => Assert.Equal("1000000001", o.Properties["Id"].Value),
            o => Assert.Equal("1999999999", Assert.IsType<ErrorRecord>(o.BaseObject).TargetObject),
            o => Assert.Equal("1000000002", o.Properties["Id"].Value));
    }

    [Fact]
    public void Select_Object_First_ends_a_bulk_lookup_early_without_an_error()
    {
        var run = _session.Run("0..19 | ForEach-Object { [string](3000000000L + $_) } | Get-KookUser | Select-Object -First 1").AssertClean();

        Assert.Equal(new[] { "3000000000" }, run.Property("Id"));
        Assert.False(run.HadErrors);
    }

    [Fact]
    public void Tomon_guilds_bind_Exit_TomonGuild_Id_by_property_name()
    {
        var run = _session.Run("Get-TomonGuild -Name Archive, Operations | Exit-TomonGuild -WhatIf").AssertClean();

        Assert.Contains("\"Tomon guild 'Operations' (200000000000000001)\"", run.HostText, StringComparison.Ordinal);
        Assert.Contains("\"Tomon guild 'Archive' (200000000000000002)\"", run.HostText, StringComparison.Ordinal);
        Assert.Empty(_session.Requests("DELETE", "/api/v1/users/@me/guilds"));
    }

    [Fact]
    public void Tomon_guilds_bind_Set_TomonGuildSetting_GuildId_by_their_Id_alias()
    {
        var run = _session.Run("Get-TomonGuild -Name Operations, Archive | Set-TomonGuildSetting -Muted -Confirm:$false -PassThru").AssertClean();

        Assert.Equal(new[] { "200000000000000001", "200000000000000002" }, run.Property("GuildId"));
        Assert.Equal(new[] { "True", "True" }, run.Property("Muted"));
        Assert.Equal(new[] { "/api/v1/users/@me/guilds/200000000000000001/settings", "/api/v1/users/@me/guilds/200000000000000002/settings" },
            _session.Requests("PATCH", "/settings").Select(r => r.Path));
    }

    [Fact]
    public void Sorted_guilds_piped_to_Set_TomonGuildOrder_are_placed_in_the_order_they_arrive()
    {
        var run = _session.Run("""
            $sorted = Get-TomonGuild | Sort-Object Name -Descending
            ($sorted | Set-TomonGuildOrder -Confirm:$false -PassThru).Id -join ','
            $sorted.Id -join ','
            """).AssertClean();

        Assert.Equal(2, run.Strings.Count);
        Assert.Equal(run.Strings[1], run.Strings[0]);
        Assert.Single(_session.Requests("PATCH", "/api/v1/users/@me/guilds"));
    }

    [Fact]
    public void Objects_with_a_PackId_bind_the_stamp_pack_commands_and_the_entries_come_back_in()
    {
        var run = _session.Run("""
            [pscustomobject]@{ PackId = '140000000000000002' } | Add-TomonStampPack -Confirm:$false
            Get-TomonStampPack | Where-Object Name -eq 'dogs' | Remove-TomonStampPack -Confirm:$false
            (Get-TomonStampPack).PackId
            """).AssertClean();

        Assert.Single(_session.Requests("PUT", "/api/v1/users/@me/stamppacks/140000000000000002"));
        Assert.Single(_session.Requests("DELETE", "/api/v1/users/@me/stamppacks/140000000000000002"));
        Assert.DoesNotContain("140000000000000002", run.Strings);
    }

    [Fact]
    public void A_host_object_with_a_UserId_opens_a_direct_channel_with_that_user()
    {
        var run = _session.RunCommand("New-TomonDirectChannel", new() { ["Confirm"] = false }, new object[] { new { UserId = "77334868412862464" } }).AssertClean();

        Assert.Single(run.Output);
        Assert.Single(_session.Requests("POST", "/api/v1/users/@me/channels"));
        Assert.Contains("alice", _session.Run("(Get-TomonDirectChannel | Out-String)").AssertClean().Strings[0], StringComparison.Ordinal);
    }
}
