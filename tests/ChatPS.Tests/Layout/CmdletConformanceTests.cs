using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Layout;

/// <summary>The cmdlet surface the issues promise, checked on the built module without a PowerShell engine.</summary>
public class CmdletConformanceTests : IClassFixture<ModuleSurface>
{
    public static readonly string[] Expected =
    {
        "Connect-Kook", "Disconnect-Kook", "Get-KookUser", "Set-KookBotOnline", "Set-KookBotOffline", "Get-KookBotOnlineStatus", "Invoke-KookApi",
        "Connect-Tomon", "Disconnect-Tomon", "Get-TomonUser", "Set-TomonUser", "Get-TomonGuild", "Set-TomonGuildOrder", "Exit-TomonGuild",
        "Get-TomonDirectChannel", "New-TomonDirectChannel", "Set-TomonGuildSetting", "Get-TomonInvite", "New-TomonInvite",
        "Get-TomonStampPack", "Add-TomonStampPack", "Remove-TomonStampPack", "New-TomonReport", "Invoke-TomonApi",
    };

    private static readonly string[] StateChanging =
    {
        "Set-KookBotOnline", "Set-KookBotOffline", "Invoke-KookApi", "Set-TomonUser", "Set-TomonGuildOrder", "Exit-TomonGuild",
        "New-TomonDirectChannel", "Set-TomonGuildSetting", "New-TomonInvite", "Add-TomonStampPack", "Remove-TomonStampPack",
        "New-TomonReport", "Invoke-TomonApi",
    };

    private readonly ModuleSurface _surface;

    public CmdletConformanceTests(ModuleSurface surface) => _surface = surface;

    public static IEnumerable<object[]> Names => Expected.Select(n => new object[] { n });

    [Fact]
    public void The_assembly_holds_exactly_the_promised_cmdlets() =>
        Assert.Equal(Expected.Order(), _surface.Cmdlets.Keys.Order());

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_cmdlet_uses_an_approved_verb(string name)
    {
        // The approved verbs are the constants of the Verbs* classes in System.Management.Automation.
        var approved = _surface.Automation.GetTypes().Where(t => t.Name.StartsWith("Verbs", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields()).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.Contains(_surface.Cmdlets[name].Verb, approved);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_cmdlet_declares_an_output_type(string name) => Assert.NotEmpty(_surface.Cmdlets[name].OutputTypes);

    [Theory]
    [MemberData(nameof(Names))]
    public void State_changing_cmdlets_support_ShouldProcess_and_the_rest_do_not(string name) =>
        Assert.Equal(StateChanging.Contains(name), _surface.Cmdlets[name].SupportsShouldProcess);

    [Fact]
    public void Leaving_a_guild_has_high_confirm_impact() => Assert.Equal("High", _surface.Cmdlets["Exit-TomonGuild"].ConfirmImpact);

    [Theory]
    [MemberData(nameof(Names))]
    public void Platform_cmdlets_take_a_Connection(string name)
    {
        string platform = name.Contains("Kook") ? "KookConnection" : "TomonConnection";
        var cmdlet = _surface.Cmdlets[name];
        if (name.StartsWith("Connect-", StringComparison.Ordinal))
            Assert.DoesNotContain(cmdlet.Parameters, p => p.Name == "Connection");
        else
            Assert.Equal(platform, cmdlet.Parameter("Connection").TypeName);
    }

    [Theory]
    [InlineData("Get-KookUser", "Id", "UserId")]
    [InlineData("Set-TomonGuildOrder", "Id", "GuildId")]
    [InlineData("Exit-TomonGuild", "Id", "GuildId")]
    [InlineData("Add-TomonStampPack", "Id", "PackId")]
    [InlineData("Remove-TomonStampPack", "Id", "PackId")]
    [InlineData("New-TomonDirectChannel", "RecipientId", "Id")]
    public void Id_parameters_bind_from_the_pipeline_by_value_and_property_and_validate_the_pattern(string cmdlet, string parameter, string alias)
    {
        var p = _surface.Cmdlets[cmdlet].Parameter(parameter);
        var set = Assert.Single(p.Sets);
        Assert.True(set.Mandatory);
        Assert.True(set.ByValue);
        Assert.True(set.ByPropertyName);
        Assert.Equal("String[]", p.TypeName);
        Assert.Contains(alias, p.Aliases);
        Assert.Equal(ChatIds.Pattern, p.ValidatePattern);
    }

    [Theory]
    [InlineData("Set-TomonGuildOrder")]
    [InlineData("Exit-TomonGuild")]
    public void Guild_ids_have_an_argument_completer(string cmdlet) =>
        Assert.True(_surface.Cmdlets[cmdlet].Parameter("Id").Has("ArgumentCompleterAttribute"));

    [Theory]
    [InlineData("Connect-Kook")]
    [InlineData("Connect-Tomon")]
    public void Connect_cmdlets_take_Invoke_RestMethod_style_options(string cmdlet)
    {
        var names = _surface.Cmdlets[cmdlet].Parameters.Select(p => p.Name).ToHashSet();
        foreach (var expected in new[] { "Token", "Credential", "BaseUri", "Proxy", "ProxyCredential", "TimeoutSec", "MaximumRetryCount", "RetryIntervalSec", "SkipValidation", "PassThru", "AllowUnencryptedAuthentication" })
            Assert.Contains(expected, names);
        Assert.Equal("SecureString", _surface.Cmdlets[cmdlet].Parameter("Token").TypeName);
        Assert.Equal("PSCredential", _surface.Cmdlets[cmdlet].Parameter("Credential").TypeName);
        Assert.Equal("Environment", _surface.Cmdlets[cmdlet].DefaultParameterSet);
    }

    [Fact]
    public void Connect_Kook_has_a_token_type_and_Connect_Tomon_a_bot_token()
    {
        Assert.Equal("KookTokenType", _surface.Cmdlets["Connect-Kook"].Parameter("TokenType").TypeName);
        Assert.Equal("SecureString", _surface.Cmdlets["Connect-Tomon"].Parameter("BotToken").TypeName);
    }

    [Fact]
    public void Get_KookUser_has_a_me_set_and_an_id_set_with_a_guild()
    {
        var cmdlet = _surface.Cmdlets["Get-KookUser"];
        Assert.Equal("Me", cmdlet.DefaultParameterSet);
        Assert.Equal("Id", Assert.Single(cmdlet.Parameter("GuildId").Sets).Set);
        Assert.Contains("ChatPS.Kook.Models.KookUser", cmdlet.OutputTypes);
    }

    [Fact]
    public void Set_TomonUser_requires_the_current_password_as_a_secure_string()
    {
        var p = _surface.Cmdlets["Set-TomonUser"].Parameter("CurrentPassword");
        Assert.True(Assert.Single(p.Sets).Mandatory);
        Assert.Equal("SecureString", p.TypeName);
    }

    [Fact]
    public void New_TomonReport_takes_typed_enums_and_wildcard_evidence()
    {
        var cmdlet = _surface.Cmdlets["New-TomonReport"];
        Assert.Equal("TomonReportType", cmdlet.Parameter("Type").TypeName);
        Assert.Equal("TomonReportReason", cmdlet.Parameter("Reason").TypeName);
        Assert.True(cmdlet.Parameter("EvidencePath").Has("SupportsWildcardsAttribute"));
        Assert.True(Assert.Single(cmdlet.Parameter("TargetId").Sets).ByPropertyName);
    }

    [Fact]
    public void Set_TomonGuildOrder_has_an_id_set_and_a_position_set()
    {
        var cmdlet = _surface.Cmdlets["Set-TomonGuildOrder"];
        Assert.Equal("Position", Assert.Single(cmdlet.Parameter("Position").Sets).Set);
        Assert.Equal("Hashtable", cmdlet.Parameter("Position").TypeName);
    }

    [Fact]
    public void The_manifest_exports_exactly_the_cmdlets_in_the_assembly()
    {
        string psd1 = File.ReadAllText(Path.Combine(RepoPaths.ModuleFolder, "ChatPS.psd1"));
        var block = Regex.Match(psd1, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value;
        var exported = Regex.Matches(block, "'([^']+)'").Select(m => m.Groups[1].Value).Order();
        Assert.Equal(_surface.Cmdlets.Keys.Order(), exported);
        Assert.Matches(@"FormatsToProcess\s*=\s*@\('ChatPS\.format\.ps1xml'\)", psd1);
        Assert.Matches(@"Tags\s*=\s*@\([^)]*'KOOK'[^)]*'Tomon'[^)]*'Chat'[^)]*'Bot'[^)]*'Automation'", psd1);
        foreach (var key in new[] { "ProjectUri", "LicenseUri", "ReleaseNotes" }) Assert.Matches(key + @"\s*=\s*'[^']+'", psd1);
    }

    [Fact]
    public void Every_type_in_the_format_file_exists_and_every_output_type_has_a_view()
    {
        var format = XDocument.Load(Path.Combine(RepoPaths.ModuleFolder, "ChatPS.format.ps1xml"));
        var viewed = format.Descendants("TypeName").Select(e => e.Value).ToHashSet();
        foreach (var type in viewed) Assert.NotNull(_surface.Core.GetType(type));
        var outputs = _surface.Cmdlets.Values.SelectMany(c => c.OutputTypes)
            .Where(t => t != "System.Void" && t != "System.Management.Automation.PSObject").ToHashSet();
        foreach (var type in outputs) Assert.Contains(type, viewed);
        foreach (var column in format.Descendants("TableColumnItem").Elements("PropertyName"))
        {
            var type = _surface.Core.GetType(column.Ancestors("View").Single().Descendants("TypeName").Single().Value)!;
            Assert.NotNull(type.GetProperty(column.Value));
        }
    }

    [Fact]
    public void Every_error_category_ChatPS_uses_exists_in_PowerShell()
    {
        var psCategories = _surface.Automation.GetType("System.Management.Automation.ErrorCategory")!.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToHashSet();
        foreach (var name in Enum.GetNames<ChatPS.Automation.ChatErrorCategory>()) Assert.Contains(name, psCategories);
    }
}
