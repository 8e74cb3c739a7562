using System.Management.Automation;
using ChatPS.Hosted.Tests.Infrastructure;

namespace ChatPS.Hosted.Tests;

/// <summary>
/// How the module loads into a hosted engine, and the connection lifecycle: what each Connect parameter set sends, the
/// session connection per runspace, -Connection, and the errors before and after connecting. The session starts
/// unconnected, and every test that connects disconnects again, so the order the tests run in does not matter.
/// </summary>
[Trait("Category", "Hosted")]
public sealed class SessionTests : IClassFixture<UnconnectedSession>
{
    private readonly UnconnectedSession _session;

    public SessionTests(UnconnectedSession session)
    {
        _session = session;
        session.Reset();
    }

    [Fact]
    public void The_engine_loads_the_one_ChatPS_assembly_from_out_ChatPS()
    {
        var run = _session.Run("""
            [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -in 'ChatPS', 'ChatPS.Module' } |
                ForEach-Object { $_.GetName().Name + '|' + $_.Location }
            """).AssertClean();

        string folder = RepoPaths.ModuleFolder;
        Assert.Equal(
            new[] { "ChatPS|" + Path.Combine(folder, "ChatPS.dll"), "ChatPS.Module|" + Path.Combine(folder, "ChatPS.Module.dll") },
            run.Strings.OrderBy(s => s.Split('|')[0], StringComparer.Ordinal));
    }

    [Fact]
    public void ChatPS_binds_the_engine_System_Text_Json_and_loads_nothing_from_dependencies()
    {
        // A connect reads JSON replies, so ChatPS has bound System.Text.Json by the time the assemblies are listed.
        // PowerShell 7.4+ must never load the copies in dependencies/: only Windows PowerShell 5.1 needs them.
        var run = _session.Run("""
            Connect-Tomon -Token $TomonSession -BaseUri $TomonUri -PassThru | Disconnect-Tomon
            [AppDomain]::CurrentDomain.GetAssemblies() |
                Where-Object { $_.GetName().Name -eq 'System.Text.Json' -or $_.Location -like '*dependencies*' } |
                ForEach-Object Location
            """).AssertClean();

        string location = Assert.Single(run.Strings);
        Assert.Equal(typeof(System.Text.Json.JsonSerializer).Assembly.Location, location);
        Assert.Single(_session.Requests("/api/v1/users/@me"));
    }

    [Theory]
    [InlineData("Get-KookUser", "ChatPS.Kook.NotConnected", "Run Connect-Kook.")]
    [InlineData("Get-KookBotOnlineStatus", "ChatPS.Kook.NotConnected", "Run Connect-Kook.")]
    [InlineData("Invoke-KookApi user/me", "ChatPS.Kook.NotConnected", "Run Connect-Kook.")]
    [InlineData("Get-TomonGuild", "ChatPS.Tomon.NotConnected", "Run Connect-Tomon.")]
    [InlineData("Exit-TomonGuild -Id 200000000000000002 -Confirm:$false", "ChatPS.Tomon.NotConnected", "Run Connect-Tomon.")]
    public void A_command_before_connecting_stops_with_NotConnected_and_sends_nothing(string command, string errorId, string action)
    {
        // Terminating: try/catch sees it without -ErrorAction Stop, and the statement after it in the try never runs.
        var run = _session.Run($"try {{ {command}; 'went on' }} catch {{ $_ }}").AssertClean();

        var record = Assert.IsType<ErrorRecord>(Assert.Single(run.Output).BaseObject);
        Assert.StartsWith(errorId + ",", record.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidOperation, record.CategoryInfo.Category);
        Assert.Equal(action, record.ErrorDetails?.RecommendedAction);
        Assert.Empty(_session.Emulator.Requests.Snapshot());
    }

    [Fact]
    public void Connect_Kook_with_a_token_sets_the_runspace_connection_that_the_next_command_uses()
    {
        var run = _session.Run("""
            try {
                Connect-Kook -Token $KookToken -BaseUri $KookUri
                Get-KookUser
            } finally { Disconnect-Kook }
            """).AssertClean();

        Assert.Equal("364862", Assert.Single(run.Output).Properties["Id"].Value);
        // One check of the token at connect, one for the command.
        Assert.Equal(2, _session.Requests("GET", "/api/v3/user/me").Count);
    }

    [Fact]
    public void Connect_Kook_with_a_credential_sends_its_password_as_the_bot_token()
    {
        var run = _session.Run("""
            try {
                $credential = [pscredential]::new('ignored', $KookToken)
                Connect-Kook -Credential $credential -BaseUri $KookUri -PassThru | ForEach-Object IsConnected
            } finally { Disconnect-Kook }
            """).AssertClean();

        Assert.Equal(true, Assert.Single(run.Output).BaseObject);
        var check = Assert.Single(_session.Requests("/api/v3/user/me"));
        Assert.Equal("Bot", check.AuthScheme);
    }

    [Fact]
    public void Connect_Kook_with_no_token_binds_the_Environment_set_and_fails_with_MissingCredential_when_the_variable_is_unset()
    {
        // The variable is the process's, shared by the parallel classes; only this class ever connects from the environment.
        string? saved = Environment.GetEnvironmentVariable("CHATPS_KOOK_TOKEN");
        Environment.SetEnvironmentVariable("CHATPS_KOOK_TOKEN", null);
        try
        {
            var run = _session.Run("Connect-Kook -BaseUri $KookUri");

            var record = run.SingleError;
            Assert.StartsWith("ChatPS.MissingCredential,", record.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.AuthenticationError, record.CategoryInfo.Category);
            Assert.Empty(_session.Emulator.Requests.Snapshot());
        }
        finally
        {
            Environment.SetEnvironmentVariable("CHATPS_KOOK_TOKEN", saved);
        }
    }

    [Theory]
    [InlineData("Connect-Tomon -Token $TomonSession -BaseUri $TomonUri", 0)]
    [InlineData("Connect-Tomon -BotToken $TomonBotToken -BaseUri $TomonUri", 1)]
    [InlineData("Connect-Tomon -Credential ([pscredential]::new('tomon#1234', (ConvertTo-SecureString 'tomon-password' -AsPlainText -Force))) -BaseUri $TomonUri", 1)]
    public void Each_Connect_Tomon_set_signs_in_its_own_way(string connect, int logins)
    {
        var run = _session.Run($"try {{ {connect}; (Get-TomonUser).Id }} finally {{ Disconnect-Tomon }}").AssertClean();

        Assert.Equal("132700396123668480", Assert.Single(run.Strings));
        Assert.Equal(logins, _session.Requests("POST", "/api/v1/auth/login").Count);
    }

    [Fact]
    public void A_bad_token_stops_Connect_Kook_with_an_authentication_error_that_does_not_carry_the_token()
    {
        var run = _session.Run("Connect-Kook -Token (ConvertTo-SecureString 'not-the-token' -AsPlainText -Force) -BaseUri $KookUri; 'went on'");

        var record = run.SingleError;
        Assert.StartsWith("ChatPS.Kook.401,", record.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.AuthenticationError, record.CategoryInfo.Category);
        Assert.Equal(_session.Emulator.KookBaseUri.ToString(), record.TargetObject);
        Assert.Equal("Check the token, or connect again.", record.ErrorDetails?.RecommendedAction);
        Assert.DoesNotContain("not-the-token", record + " " + record.Exception, StringComparison.Ordinal);
        // Statement-terminating: the script goes on, but no connection was set.
        Assert.Equal("went on", Assert.Single(run.Strings));
        var after = _session.Run("Get-KookUser");
        Assert.StartsWith("ChatPS.Kook.NotConnected,", after.SingleError.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_service_stops_Connect_Kook_with_a_connection_error_naming_the_address()
    {
        var run = _session.Run("Connect-Kook -Token $KookToken -BaseUri http://127.0.0.1:1/api/v3 -MaximumRetryCount 0");

        var record = run.SingleError;
        Assert.StartsWith("ChatPS.Kook.Connection,", record.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ConnectionError, record.CategoryInfo.Category);
        Assert.Equal("http://127.0.0.1:1/api/v3", record.TargetObject);
    }

    [Fact]
    public void Connection_picks_a_connection_other_than_the_runspace_one()
    {
        var run = _session.Run("""
            try {
                $bot = Connect-Kook -Token $KookToken -BaseUri $KookUri -PassThru
                Connect-Kook -Token (ConvertTo-SecureString 'kook-emulator-oauth-token' -AsPlainText -Force) -TokenType Bearer -BaseUri $KookUri -SkipValidation
                $null = Get-KookBotOnlineStatus -Connection $bot
                $null = Get-KookBotOnlineStatus
            } finally { Disconnect-Kook; Disconnect-Kook -Connection $bot }
            """).AssertClean();

        Assert.Empty(run.Output);
        var calls = _session.Requests("/api/v3/user/get-online-status");
        Assert.Equal(new[] { "Bot", "Bearer" }, calls.Select(c => c.AuthScheme));
    }

    [Fact]
    public void A_Tomon_connection_given_to_a_KOOK_command_is_refused_by_the_binder()
    {
        var run = _session.Run("""
            try {
                $tomon = Connect-Tomon -Token $TomonSession -BaseUri $TomonUri -SkipValidation -PassThru
                Get-KookBotOnlineStatus -Connection $tomon
            } finally { Disconnect-Tomon }
            """);

        var record = run.SingleError;
        Assert.IsType<ParameterBindingException>(record.Exception);
        Assert.StartsWith("CannotConvertArgument", record.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(_session.Requests("/api/v3/"));
    }

    [Fact]
    public void A_connection_piped_to_Disconnect_Kook_is_closed_and_then_refused_as_not_connected()
    {
        var run = _session.Run("""
            $closed = Connect-Kook -Token $KookToken -BaseUri $KookUri -PassThru | Disconnect-Kook -PassThru
            $closed.IsConnected
            Get-KookUser -Connection $closed
            """);

        Assert.Equal(false, Assert.Single(run.Output).BaseObject);
        Assert.StartsWith("ChatPS.Kook.NotConnected,", run.SingleError.FullyQualifiedErrorId, StringComparison.Ordinal);
    }
}
