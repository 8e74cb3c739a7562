using System.Text.RegularExpressions;
using ChatPS.Hosted.Tests.Infrastructure;

namespace ChatPS.Hosted.Tests;

/// <summary>
/// The default views of ChatPS.format.ps1xml as the engine renders them through <c>Out-String</c>: the header row, a
/// rule, a data row with the expected value, and no type name or unrendered collection in place of a value.
/// </summary>
[Trait("Category", "Hosted")]
public sealed class ViewTests : IClassFixture<HostedSession>
{
    private readonly HostedSession _session;

    public ViewTests(HostedSession session)
    {
        _session = session;
        session.Reset();
    }

    [Theory]
    [InlineData("Get-KookUser -Id 1000000001 -GuildId 9000000000000001", "Id Name Nickname Online Bot Status", "Alice (admin)")]
    [InlineData("Get-KookBotOnlineStatus", "Online OnlineOs", "False")]
    [InlineData("Connect-Kook -Token $KookToken -BaseUri $KookUri -PassThru", "Platform User TokenType BaseUri Connected", "ChatPS Emulator Bot")]
    [InlineData("Connect-Tomon -BotToken $TomonBotToken -BaseUri $TomonUri -PassThru", "Platform User SignIn BaseUri Connected", "tomon#1234")]
    [InlineData("Get-TomonUser", "Id Name Email Banned", "bot@tomon.example")]
    [InlineData("Get-TomonGuild", "Id Name OwnerId JoinedAt", "Automation Lab")]
    [InlineData("New-TomonDirectChannel -RecipientId 77334868412862464 -Confirm:$false", "Id Recipients Unread LastMessageId", "alice")]
    [InlineData("New-TomonInvite -Confirm:$false", "Code Uses MaxUses CreatedAt", null)]
    [InlineData("Get-TomonStampPack", "PackId Name AddedAt", "tomon self pack")]
    [InlineData("New-TomonReport -TargetId 77334868412862464 -Reason Harassment -Comment 'see log' -Confirm:$false", "Id TargetId Type Reason State Comment", "Harassment")]
    [InlineData("Set-TomonGuildSetting -GuildId 200000000000000001 -Muted -ChannelOverride @{ channel_id = '300000000000000009'; message_notifications = 1 } -Confirm:$false -PassThru",
        "GuildId Muted Notifications NoEveryone ChannelOverrides", "300000000000000009")]
    public void The_default_table_shows_its_columns_and_values_and_no_type_names(string command, string headers, string? value)
    {
        var run = _session.Run($"{command} | Out-String -Width 250").AssertClean();

        string text = Assert.Single(run.Strings);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r', ' ')).Where(l => l.Length > 0).ToArray();
        var header = new Regex("^" + string.Join(@"\s+", headers.Split(' ').Select(Regex.Escape)) + "$");
        int at = Array.FindIndex(lines, l => header.IsMatch(l));
        Assert.True(at >= 0, $"No header row '{headers}' in:\n{text}");
        Assert.Matches("^[- ]+$", lines[at + 1]);
        Assert.True(lines.Length > at + 2, "No data row in:\n" + text);
        if (value != null) Assert.Contains(lines.Skip(at + 2), l => l.Contains(value, StringComparison.Ordinal));
        Assert.DoesNotMatch(@"ChatPS\.|System\.|@\{|\[\]", text);
    }

    [Fact]
    public void The_connection_view_shows_no_token()
    {
        var run = _session.Run("Connect-Kook -Token $KookToken -BaseUri $KookUri -PassThru | Format-List * | Out-String -Width 250").AssertClean();

        Assert.Contains("IsConnected", run.Strings[0], StringComparison.Ordinal);
        Assert.DoesNotContain(HostedSession.KookToken, run.Strings[0], StringComparison.Ordinal);
    }
}
