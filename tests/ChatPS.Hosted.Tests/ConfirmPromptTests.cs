using ChatPS.Hosted.Tests.Infrastructure;

namespace ChatPS.Hosted.Tests;

/// <summary>
/// The engine's confirmation prompts, answered through the host: Exit-TomonGuild (ConfirmImpact High) asks at the default
/// $ConfirmPreference, once per guild, before that guild's call is queued. Each test leaves different guilds, so they
/// hold in any order; the class has its own emulator because leaving changes its state.
/// </summary>
[Trait("Category", "Hosted")]
public sealed class ConfirmPromptTests : IClassFixture<HostedSession>
{
    private readonly HostedSession _session;

    public ConfirmPromptTests(HostedSession session)
    {
        _session = session;
        session.Reset();
    }

    [Fact]
    public void Exit_TomonGuild_asks_first_and_No_sends_nothing()
    {
        var run = _session.Run("$null = Get-TomonGuild; Exit-TomonGuild -Id 200000000000000001", null, "No").AssertClean();

        string prompt = Assert.Single(run.Prompts);
        Assert.Contains("\"Leave\" on target \"Tomon guild 'Operations' (200000000000000001)\"", prompt, StringComparison.Ordinal);
        Assert.Empty(_session.Requests("DELETE", "/api/v1/users/@me/guilds"));
    }

    [Fact]
    public void Each_guild_is_asked_about_and_only_the_confirmed_one_is_left()
    {
        var run = _session.Run("Exit-TomonGuild -Id 77601467623542784, 200000000000000001", null, "Yes", "No").AssertClean();

        Assert.Equal(2, run.Prompts.Count);
        Assert.Equal(new[] { "/api/v1/users/@me/guilds/77601467623542784" }, _session.Requests("DELETE", "/api/v1/users/@me/guilds").Select(r => r.Path));
    }

    [Fact]
    public void No_to_All_asks_once_for_the_whole_pipeline_and_sends_nothing()
    {
        var run = _session.Run("'200000000000000001', '200000000000000002' | Exit-TomonGuild", null, "No to All").AssertClean();

        Assert.Single(run.Prompts);
        Assert.Empty(_session.Requests("DELETE", "/api/v1/users/@me/guilds"));
    }

    [Fact]
    public void Yes_to_All_asks_once_and_leaves_every_guild_piped_in()
    {
        var run = _session.Run("Get-TomonGuild -Name Archive, 'Bots & Scripts' | Exit-TomonGuild", null, "Yes to All").AssertClean();

        Assert.Single(run.Prompts);
        Assert.Equal(new[] { "/api/v1/users/@me/guilds/200000000000000002", "/api/v1/users/@me/guilds/200000000000000003" },
            _session.Requests("DELETE", "/api/v1/users/@me/guilds").Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("Archive", _session.Run("(Get-TomonGuild).Name").AssertClean().Strings);
    }

    [Fact]
    public void ConfirmPreference_None_leaves_without_asking()
    {
        var run = _session.Run("$ConfirmPreference = 'None'; Exit-TomonGuild -Id 121979324558479360").AssertClean();

        Assert.Empty(run.Prompts);
        Assert.Single(_session.Requests("DELETE", "/api/v1/users/@me/guilds/121979324558479360"));
    }
}
