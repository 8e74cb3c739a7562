using ChatPS.Http;
using ChatPS.Json;
using ChatPS.Kook.Models;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Json;

/// <summary>
/// Successful replies are read in one pass and anything else through the parsed document; these replies, replayed by
/// the emulator, pin down that both paths agree on what is a value and what is an error.
/// </summary>
public class ReplyShapeTests : IClassFixture<EmulatorFixture>
{
    private const string UserMe = "/api/v3/user/me";
    private readonly EmulatorFixture _emulator;

    public ReplyShapeTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.ResetDiagnostics();
    }

    [Fact]
    public async Task A_code_sent_as_a_string_and_placed_after_the_data_is_still_success()
    {
        using var kook = _emulator.Kook();
        _emulator.Reply("GET", UserMe, """{"data":{"id":"7","username":"late","roles":[1,2],"joined_at":1700000000000},"message":"ok","code":"0"}""");

        var user = await kook.Users.GetCurrentAsync();

        Assert.Equal("7", user.Id);
        Assert.Equal(new[] { "1", "2" }, user.Roles);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), user.JoinedAt);
    }

    [Fact]
    public async Task An_error_code_after_data_of_another_shape_is_the_api_error_not_a_format_error()
    {
        using var kook = _emulator.Kook();
        _emulator.Reply("GET", UserMe, """{"data":[],"message":"no permission","code":40300}""");

        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetCurrentAsync());

        Assert.Equal("ChatPS.Kook.40300", ex.ErrorId);
        Assert.Equal(ChatErrorKind.PermissionDenied, ex.Kind);
        Assert.Equal("no permission", ex.ApiMessage);
    }

    [Fact]
    public async Task An_error_code_with_data_of_the_expected_shape_is_still_an_error()
    {
        using var kook = _emulator.Kook();
        _emulator.Reply("GET", UserMe, """{"code":40100,"message":"token expired","data":{"id":"7","username":"stale"}}""");

        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetCurrentAsync());

        Assert.Equal(ChatErrorKind.Authentication, ex.Kind);
        Assert.Equal("40100", ex.ApiCode);
    }

    [Theory]
    [InlineData("""{"code":0,"message":"ok","data":null}""", "unexpected shape for KookUser")]
    [InlineData("""{"code":0,"message":"ok"}""", "unexpected shape for KookUser (the reply has no data)")]
    [InlineData("""{"message":"ok","data":{"id":"7","username":"x"}}""", "not a KOOK envelope")]
    [InlineData("""{"code":true,"data":{"id":"7","username":"x"}}""", "not a KOOK envelope")]
    [InlineData("""[{"code":0}]""", "not a KOOK envelope")]
    [InlineData("""{"code":0,"data":{"id":{"nested":1}}}""", "unexpected shape for KookUser")]
    public async Task A_reply_that_is_not_a_usable_envelope_is_a_format_error_naming_the_problem(string body, string expected)
    {
        using var kook = _emulator.Kook();
        _emulator.Reply("GET", UserMe, body);

        var ex = await Assert.ThrowsAsync<ChatResponseFormatException>(() => kook.Users.GetCurrentAsync());

        Assert.Contains(expected, ex.Message);
        Assert.Equal(ChatErrorKind.InvalidResponse, ex.Kind);
    }

    [Fact]
    public async Task Fields_the_model_does_not_declare_are_kept_as_plain_values()
    {
        using var kook = _emulator.Kook();
        _emulator.Reply("GET", UserMe, """{"code":0,"data":{"id":"7","username":"x","new_field":[1,"two",{"three":3.5}]}}""");

        var user = await kook.Users.GetCurrentAsync();

        var value = Assert.IsType<object?[]>(user.AdditionalProperties!["new_field"]);
        Assert.Equal(1L, value[0]);
        Assert.Equal("two", value[1]);
        Assert.Equal(3.5m, Assert.IsAssignableFrom<IDictionary<string, object?>>(value[2])["three"]);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    public async Task A_tomon_body_of_the_wrong_shape_is_a_format_error(string body)
    {
        using var tomon = await _emulator.Tomon();
        _emulator.Reply("GET", "/api/v1/users/@me", body);

        var ex = await Assert.ThrowsAsync<ChatResponseFormatException>(() => tomon.Profile.GetAsync());

        Assert.Contains("unexpected shape for TomonUser", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{\"id\":")]
    [InlineData("[1]")]
    public void TryDeserialize_says_no_to_bodies_it_cannot_turn_into_the_type(string body)
    {
        Assert.False(ChatJson.TryDeserialize(System.Text.Encoding.UTF8.GetBytes(body), out KookUser _));
    }

    [Fact]
    public void TryDeserialize_reads_a_model_in_one_pass()
    {
        Assert.True(ChatJson.TryDeserialize("""{"id":"7","username":"x","online":true}"""u8.ToArray(), out KookUser user));
        Assert.Equal("x", user.Username);
        Assert.True(user.Online);
    }
}
