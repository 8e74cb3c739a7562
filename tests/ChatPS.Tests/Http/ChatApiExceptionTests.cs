using System.Net.Http;
using ChatPS.Http;

namespace ChatPS.Tests.Http;

[Trait("Category", "Unit")]
public class ChatApiExceptionTests
{
    private static string MessageFor(string? apiMessage, int attempts = 1) =>
        new ChatApiException(ChatPlatform.Kook, ChatErrorKind.InvalidArgument, HttpMethod.Get, "user/view", 200, "40000", apiMessage, attempts: attempts).Message;

    [Fact]
    public void A_service_message_keeps_its_ellipsis()
    {
        Assert.Equal("Kook GET user/view failed with HTTP 200 (code 40000): Please wait...", MessageFor("Please wait..."));
    }

    [Fact]
    public void A_service_full_stop_is_not_doubled()
    {
        Assert.Equal("Kook GET user/view failed with HTTP 200 (code 40000): User not found.", MessageFor("User not found."));
        Assert.Equal("Kook GET user/view failed with HTTP 200 (code 40000): User not found after 2 attempts.", MessageFor("User not found.", 2));
    }

    [Fact]
    public void A_message_that_ends_a_sentence_its_own_way_gets_no_extra_stop()
    {
        Assert.Equal("Kook GET user/view failed with HTTP 200 (code 40000): 该用户不在该服务器内。", MessageFor("该用户不在该服务器内。"));
        Assert.Equal("Kook GET user/view failed with HTTP 200 (code 40000): 你的用户凭证不正确.", MessageFor("你的用户凭证不正确"));
    }

    [Fact]
    public void Dots_inside_a_message_are_kept()
    {
        Assert.Equal("Kook GET user/view failed with HTTP 200 (code 40000): see docs..v3 now.", MessageFor("see docs..v3 now"));
    }
}
