using ChatPS.Hosted.Tests.Infrastructure;

namespace ChatPS.Hosted.Tests;

/// <summary>
/// -WhatIf, -Confirm:$false and the preference variables as the engine applies them: -WhatIf sends nothing (checked in the
/// emulator's request log) and tells the host what it would have done; -Confirm:$false sends without asking.
/// </summary>
[Trait("Category", "Hosted")]
public sealed class ShouldProcessTests : IClassFixture<HostedSession>
{
    private readonly HostedSession _session;

    public ShouldProcessTests(HostedSession session)
    {
        _session = session;
        session.Reset();
    }

    [Theory]
    [InlineData("Set-KookBotOnline", "\"Bring online\" on target \"KOOK bot ChatPS Emulator Bot#1670\"")]
    [InlineData("Set-KookBotOffline", "\"Take offline\" on target \"KOOK bot ChatPS Emulator Bot#1670\"")]
    [InlineData("Invoke-KookApi user/offline -Method POST", "\"Invoke\" on target \"Kook POST user/offline\"")]
    [InlineData("Exit-TomonGuild -Id 200000000000000001", "\"Leave\" on target \"Tomon guild")]
    [InlineData("Set-TomonGuildSetting -GuildId 200000000000000001 -MessageNotifications 1", "on target \"Settings of Tomon guild")]
    [InlineData("Set-TomonGuildOrder -Id 200000000000000003, 200000000000000001", "on target \"Tomon guild sidebar\"")]
    [InlineData("Add-TomonStampPack -Id 140000000000000001", "\"Add\" on target \"Tomon stamp pack 140000000000000001\"")]
    [InlineData("Remove-TomonStampPack -Id 132700396123000000", "\"Remove\" on target \"Tomon stamp pack 132700396123000000\"")]
    [InlineData("New-TomonDirectChannel -RecipientId 77334868412862464", "\"Open\" on target \"Direct channel with 77334868412862464\"")]
    [InlineData("New-TomonInvite", "\"Create\" on target \"Tomon invite of this week\"")]
    [InlineData("New-TomonReport -TargetId 77334868412862464 -Reason Spam", "77334868412862464")]
    [InlineData("Set-TomonUser -CurrentPassword $TomonSession -Name 'New name'", "on target \"Tomon profile")]
    [InlineData("Invoke-TomonApi users/@me -Method PATCH -Body @{ name = 'x' }", "\"Invoke\" on target \"Tomon PATCH users/@me\"")]
    public void WhatIf_sends_nothing_and_tells_the_host_what_it_would_do(string command, string expected)
    {
        var run = _session.Run(command + " -WhatIf").AssertClean();

        Assert.StartsWith("What if: Performing the operation ", run.HostText, StringComparison.Ordinal);
        Assert.Contains(expected, run.HostText, StringComparison.Ordinal);
        Assert.Empty(run.Output);
        Assert.Empty(_session.Emulator.Requests.Snapshot());
    }

    [Theory]
    [InlineData("Set-KookBotOnline", "POST", "/api/v3/user/online")]
    [InlineData("Invoke-KookApi user/online -Method POST", "POST", "/api/v3/user/online")]
    [InlineData("Add-TomonStampPack -Id 140000000000000001", "PUT", "/api/v1/users/@me/stamppacks/140000000000000001")]
    [InlineData("Set-TomonGuildSetting -GuildId 200000000000000003 -MessageNotifications 1", "PATCH", "/api/v1/users/@me/guilds/200000000000000003/settings")]
    [InlineData("New-TomonInvite", "POST", "/api/v1/users/@me/tickets")]
    public void Confirm_false_sends_without_asking(string command, string method, string path)
    {
        var run = _session.Run(command + " -Confirm:$false").AssertClean();

        Assert.Empty(run.Prompts);
        Assert.Equal(new[] { method + " " + path }, _session.Emulator.Requests.Snapshot().Select(r => r.Method + " " + r.Path));
    }

    [Fact]
    public void WhatIfPreference_in_the_session_holds_back_every_command_until_WhatIf_false()
    {
        var run = _session.Run("""
            $WhatIfPreference = $true
            Set-KookBotOnline
            Add-TomonStampPack -Id 140000000000000002
            Set-KookBotOnline -WhatIf:$false
            """).AssertClean();

        Assert.Equal(2, run.HostText.Split("What if:").Length - 1);
        Assert.Equal(new[] { "POST /api/v3/user/online" }, _session.Emulator.Requests.Snapshot().Select(r => r.Method + " " + r.Path));
    }

    [Fact]
    public void ConfirmPreference_at_the_command_impact_makes_it_ask_and_No_sends_nothing()
    {
        // Medium impact does not ask at the default preference (High); lowering the preference makes it ask.
        var run = _session.Run("$ConfirmPreference = 'Medium'; Set-KookBotOffline", null, "No").AssertClean();

        Assert.Contains("\"Take offline\" on target \"KOOK bot ChatPS Emulator Bot#1670\"", Assert.Single(run.Prompts), StringComparison.Ordinal);
        Assert.Empty(_session.Requests("/api/v3/user/offline"));
    }

    [Fact]
    public void Invoke_KookApi_GET_reads_even_under_WhatIf_because_it_changes_nothing()
    {
        var run = _session.Run("(Invoke-KookApi user/me -WhatIf).id").AssertClean();

        Assert.Equal("364862", Assert.Single(run.Strings));
        Assert.Empty(run.HostText);
        Assert.Single(_session.Requests("GET", "/api/v3/user/me"));
    }

    [Fact]
    public void The_WhatIf_text_of_a_profile_change_does_not_show_the_password()
    {
        var run = _session.Run("""
            Set-TomonUser -CurrentPassword (ConvertTo-SecureString 'tomon-password' -AsPlainText -Force) -Email 'new@tomon.example' -WhatIf
            """).AssertClean();

        Assert.Contains("new@tomon.example", run.HostText, StringComparison.Ordinal);
        Assert.DoesNotContain("tomon-password", run.HostText, StringComparison.Ordinal);
    }
}
