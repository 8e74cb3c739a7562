using System.Globalization;
using System.Net.Http;
using ChatPS.Automation;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Automation;

[Trait("Category", "Unit")]
public class AcceptLanguageTests
{
    [Theory]
    [InlineData(null, "en-US", "en-US")]         // not given: the session's UI culture
    [InlineData(null, "zh-CN", "zh-CN")]
    [InlineData(null, "", null)]                 // invariant culture names no language: no header
    [InlineData("ja-JP", "en-US", "ja-JP")]      // -AcceptLanguage wins
    [InlineData(" zh-CN,zh;q=0.9 ", "en-US", "zh-CN,zh;q=0.9")]
    [InlineData("", "en-US", null)]              // given empty: no header, the service's default (Chinese for KOOK)
    public void The_given_value_wins_else_the_UI_culture(string? given, string culture, string? expected)
    {
        Assert.Equal(expected, ConnectionSettings.ResolveAcceptLanguage(given, CultureInfo.GetCultureInfo(culture)));
        Assert.Equal(expected, new ConnectionSettings { AcceptLanguage = given, UICulture = CultureInfo.GetCultureInfo(culture) }.ToOptions().AcceptLanguage);
    }

    [Fact]
    public void No_culture_and_nothing_given_sends_nothing_and_a_line_break_is_refused()
    {
        Assert.Null(ConnectionSettings.ResolveAcceptLanguage(null, null));
        var ex = Assert.Throws<ArgumentException>(() => ConnectionSettings.ResolveAcceptLanguage("en\r\nX-Evil: 1", null));
        Assert.Contains("control character", ex.Message);
    }
}

[Trait("Category", "Unit")]
public class KookLookupMissTests
{
    private static ChatApiException Kook(string path, string code) =>
        new(ChatPlatform.Kook, ChatErrorKind.InvalidArgument, HttpMethod.Get, path, 200, code, "用户不存在");

    [Fact]
    public void Code_40000_on_a_lookup_by_id_is_ObjectNotFound_with_the_same_error_id()
    {
        var c = ErrorClassifier.Classify(Kook("user/view", "40000"));
        Assert.Equal(ChatErrorCategory.ObjectNotFound, c.Category);
        Assert.Equal("ChatPS.Kook.40000", c.ErrorId);
        Assert.False(c.Terminating);
    }

    [Fact]
    public void Code_40000_elsewhere_and_other_codes_on_a_lookup_keep_their_category()
    {
        Assert.Equal(ChatErrorCategory.InvalidArgument, ErrorClassifier.Classify(Kook("user/online", "40000")).Category);
        Assert.Equal(ChatErrorCategory.PermissionDenied, ErrorClassifier.Classify(
            new ChatApiException(ChatPlatform.Kook, ChatErrorKind.PermissionDenied, HttpMethod.Get, "user/view", 403, "403", "no")).Category);
        Assert.Equal(ChatErrorCategory.InvalidArgument, ErrorClassifier.Classify(
            new ChatApiException(ChatPlatform.Tomon, ChatErrorKind.InvalidArgument, HttpMethod.Get, "user/view", 422, "40000", "x")).Category);
    }
}

/// <summary>Connect sends the UI culture to the service when -AcceptLanguage is not given.</summary>
public class AcceptLanguageOnTheWireTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public AcceptLanguageOnTheWireTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task An_english_UI_culture_reads_KOOK_errors_in_english_and_an_explicit_value_overrides_it()
    {
        var settings = new ConnectionSettings { BaseUri = _emulator.Host.KookBaseUri.ToString(), UICulture = CultureInfo.GetCultureInfo("en-US") };
        using (var english = await Connector.ConnectKookAsync(ApiToken.FromPlainText(EmulatorFixture.KookToken), ChatPS.Kook.KookTokenType.Bot, settings, false, CancellationToken.None))
        {
            var ex = await Assert.ThrowsAsync<ChatApiException>(() => english.Client.Users.GetAsync("1999999999"));
            Assert.Equal("User does not exist", ex.ApiMessage);
        }

        settings.AcceptLanguage = "zh-CN";
        using var chinese = await Connector.ConnectKookAsync(ApiToken.FromPlainText(EmulatorFixture.KookToken), ChatPS.Kook.KookTokenType.Bot, settings, false, CancellationToken.None);
        Assert.Equal("用户不存在", (await Assert.ThrowsAsync<ChatApiException>(() => chinese.Client.Users.GetAsync("1999999999"))).ApiMessage);
    }
}
