using System.Management.Automation;
using ChatPS.Hosted.Tests.Infrastructure;

namespace ChatPS.Hosted.Tests;

/// <summary>
/// Which parameter set the engine resolves for a combination of parameters (seen through the call it makes), and the
/// binder's own errors for combinations no set takes. The metadata tests (Layout) check how the sets are declared; these
/// check what the engine does with them.
/// </summary>
[Trait("Category", "Hosted")]
public sealed class ParameterSetTests : IClassFixture<HostedSession>
{
    private readonly HostedSession _session;

    public ParameterSetTests(HostedSession session)
    {
        _session = session;
        session.Reset();
    }

    [Fact]
    public void Get_KookUser_with_no_arguments_binds_Me_and_asks_for_the_bot()
    {
        var run = _session.RunCommand("Get-KookUser").AssertClean();

        Assert.Equal("364862", Assert.Single(run.Output).Properties["Id"].Value);
        Assert.Single(_session.Requests("/api/v3/user/me"));
        Assert.Empty(_session.Requests("/api/v3/user/view"));
    }

    [Fact]
    public void Get_KookUser_with_a_positional_id_binds_Id_and_views_that_user()
    {
        var run = _session.Run("Get-KookUser 1000000002").AssertClean();

        Assert.Equal(new[] { "1000000002" }, run.Property("Id"));
        Assert.Single(_session.Requests("/api/v3/user/view"));
        Assert.Empty(_session.Requests("/api/v3/user/me"));
    }

    [Fact]
    public void Pipeline_input_moves_Get_KookUser_from_its_default_set_to_Id()
    {
        // Me, the default set, takes no pipeline input: the engine must pick Id once input arrives.
        var run = _session.RunCommand("Get-KookUser", input: new[] { "1000000001", "1000000002" }).AssertClean();

        Assert.Equal(new[] { "1000000001", "1000000002" }, run.Property("Id"));
        Assert.Empty(_session.Requests("/api/v3/user/me"));
    }

    [Theory]
    [InlineData("Get-KookUser -GuildId 9000000000000001", "Get-KookUser", "Id")]
    [InlineData("Get-KookUser -ThrottleLimit 2", "Get-KookUser", "Id")]
    [InlineData("Set-TomonGuildOrder -PassThru", "Set-TomonGuildOrder", "Id")]
    [InlineData("Exit-TomonGuild -ThrottleLimit 2", "Exit-TomonGuild", "Id")]
    [InlineData("New-TomonReport -TargetId 77334868412862464", "New-TomonReport", "Reason")]
    public void A_parameter_of_a_set_without_that_set_mandatory_one_is_MissingMandatoryParameter(string script, string command, string missing)
    {
        var run = _session.Run(script);

        var record = run.SingleError;
        Assert.IsType<ParameterBindingException>(record.Exception);
        Assert.StartsWith("MissingMandatoryParameter,", record.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(command, record.InvocationInfo.MyCommand.Name);
        Assert.Contains(missing, record.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(_session.Emulator.Requests.Snapshot());
    }

    [Theory]
    [InlineData("Connect-Tomon -Token $TomonSession -BotToken $TomonBotToken -BaseUri $TomonUri", "ConnectTomonCommand")]
    [InlineData("Connect-Tomon -Token $TomonSession -Credential ([pscredential]::new('tomon#1234', $TomonSession)) -BaseUri $TomonUri", "ConnectTomonCommand")]
    [InlineData("Connect-Kook -Token $KookToken -Credential ([pscredential]::new('x', $KookToken)) -BaseUri $KookUri", "ConnectKookCommand")]
    [InlineData("Set-TomonGuildOrder -Id 200000000000000001 -Position @{ '200000000000000001' = 0 }", "SetTomonGuildOrderCommand")]
    public void Mandatory_parameters_of_two_sets_together_are_AmbiguousParameterSet_and_send_nothing(string script, string cmdletClass)
    {
        var run = _session.Run(script);

        var record = run.SingleError;
        Assert.IsType<ParameterBindingException>(record.Exception);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
        Assert.Matches(@"^AmbiguousParameterSet,ChatPS\.Module\.Cmdlets\.(Kook|Tomon)\." + cmdletClass + "$", record.FullyQualifiedErrorId);
        Assert.Empty(_session.Emulator.Requests.Snapshot());
    }

    [Fact]
    public void Set_TomonGuildOrder_with_Position_binds_the_Position_set_and_sends_those_positions()
    {
        var run = _session.Run("Set-TomonGuildOrder -Position @{ '200000000000000003' = 0 } -Confirm:$false -PassThru").AssertClean();

        Assert.Equal("200000000000000003", run.Property("Id")[0]);
        Assert.Single(_session.Requests("PATCH", "/api/v1/users/@me/guilds"));
        Assert.Contains("4 guild(s) not listed", Assert.Single(run.Warnings).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Get-KookUser -Id abc", "Id")]
    [InlineData("Get-KookUser -Id 1000000001 -ThrottleLimit 33", "ThrottleLimit")]
    [InlineData("Set-TomonGuildSetting -GuildId 200000000000000001 -MessageNotifications 4", "MessageNotifications")]
    [InlineData("Set-TomonUser -CurrentPassword $TomonSession -Discriminator 12345", "Discriminator")]
    [InlineData("Invoke-KookApi user/me -Method HEAD", "Method")]
    public void A_value_the_parameter_validation_refuses_is_ParameterArgumentValidationError_and_sends_nothing(string script, string parameter)
    {
        var run = _session.Run(script);

        var record = run.SingleError;
        Assert.StartsWith("ParameterArgumentValidationError,", record.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidData, record.CategoryInfo.Category);
        Assert.Contains("'" + parameter + "'", record.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(_session.Emulator.Requests.Snapshot());
    }
}
