using ChatPS.Automation;
using ChatPS.Http;
using ChatPS.Kook;
using ChatPS.Tomon;

namespace ChatPS.Tests.Hostile;

/// <summary>Issue 21's findings about reading a reply, one test each (in process, through the transport seam).</summary>
[Trait("Category", "Unit")]
public class HostileFindingTests
{
    private static readonly Uri KookBase = new("https://fuzz.invalid/api/v3/");
    private static readonly Uri TomonBase = new("https://fuzz.invalid/api/v1/");

    private static ConnectionOptions Answering(string body, int status = 200) =>
        new() { Transport = new ScriptedHandler(HostileReply.Json("case", body, status)), MaximumRetryCount = 0 };

    private static Task<TomonClient> SignIn(string reply) =>
        TomonClient.ConnectAsync(TomonSignIn.WithBotToken(ApiToken.FromPlainText("bot")), TomonBase, Answering(reply));

    private const string Login = "\"username\":\"tomon\",\"discriminator\":\"1234\",\"token\":\"session-jwt-0123456789\"";

    [Theory]
    [InlineData("\"id\":\"1\",\"email_verified\":\"true\"")]
    [InlineData("\"id\":\"1\",\"type\":1e400")]
    [InlineData("\"id\":\"1\",\"type\":99999999999")]
    [InlineData("\"id\":\"1\",\"created_at\":1588430520")]
    [InlineData("\"id\":\"1\",\"created_at\":\"garbage\"")]
    [InlineData("\"id\":{\"a\":1}")]
    public async Task A_sign_in_reply_with_a_field_of_the_wrong_type_is_an_invalid_response(string fields)
    {
        var ex = await Assert.ThrowsAsync<ChatResponseFormatException>(() => SignIn("{" + fields + "," + Login + "}"));

        Assert.Equal("ChatPS.Tomon.InvalidResponse", ex.ErrorId);
        Assert.DoesNotContain("session-jwt-0123456789", ex.Message);
    }

    [Fact]
    public async Task A_sign_in_reply_with_a_numeric_id_is_read()
    {
        using var tomon = await SignIn("{\"id\":132700396123668480," + Login + "}");

        Assert.Equal("132700396123668480", tomon.SignedInUser!.Id);
    }

    [Theory]
    [InlineData("1588430520000000")]
    [InlineData("1e20")]
    [InlineData("\"100000000000000000000\"")]
    [InlineData("\"253402300800000\"")]
    public async Task An_epoch_time_out_of_range_is_an_invalid_response(string joinedAt)
    {
        using var kook = new KookClient(ApiToken.FromPlainText("t"), KookTokenType.Bot, KookBase,
            Answering("{\"code\":0,\"data\":{\"id\":\"1\",\"username\":\"u\",\"joined_at\":" + joinedAt + "}}"));

        var ex = await Assert.ThrowsAsync<ChatResponseFormatException>(() => kook.Users.GetAsync("1", "2"));

        Assert.Equal("ChatPS.Kook.InvalidResponse", ex.ErrorId);
    }

    [Fact]
    public async Task A_connection_whose_user_cannot_be_read_still_describes_itself_and_works()
    {
        var kook = new KookClient(ApiToken.FromPlainText("t"), KookTokenType.Bot, KookBase,
            Answering("{\"code\":0,\"data\":{\"id\":\"1\",\"username\":\"u\",\"joined_at\":1588430520000000}}"));
        using var connection = new KookConnection(kook, await kook.Users.CheckCurrentAsync(CancellationToken.None));

        string text = connection.ToString();

        Assert.Contains("(user unreadable)", text);
        Assert.Null(connection.User);
        Assert.Null(connection.UserName);
        Assert.Contains("user/me", connection.UserError);
    }

    [Fact]
    public async Task A_field_with_an_empty_name_keeps_its_value()
    {
        using var kook = new KookClient(ApiToken.FromPlainText("t"), KookTokenType.Bot, KookBase,
            Answering("{\"code\":0,\"data\":{\"online\":true,\"online_os\":[],\"\":1}}"));

        var status = await kook.Users.GetOnlineStatusAsync();

        Assert.True(status.Online);
        Assert.Equal(1L, status.AdditionalProperties![""]);
        Assert.Equal("(empty)", PropertyNames.ForField(""));
    }

    [Fact]
    public void A_service_message_ending_in_an_ellipsis_keeps_it()
    {
        var ex = new ChatApiException(ChatPlatform.Kook, ChatErrorKind.InvalidArgument, System.Net.Http.HttpMethod.Get, "user/view", 200, "40000", "wait...");

        Assert.EndsWith("wait...", ex.Message);
    }
}
