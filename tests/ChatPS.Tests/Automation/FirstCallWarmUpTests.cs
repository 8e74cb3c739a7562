using ChatPS.Automation;
using ChatPS.Json;
using ChatPS.Kook;
using ChatPS.Kook.Models;

namespace ChatPS.Tests.Automation;

/// <summary>
/// The import-time warm-up runs the real clients against canned replies. If a model, a route or the pipeline changes so
/// that a canned reply no longer reads, the warm-up would silently stop compiling anything: these tests fail instead.
/// </summary>
public class FirstCallWarmUpTests
{
    [Theory]
    [InlineData(ChatPlatform.Kook)]
    [InlineData(ChatPlatform.Tomon)]
    public void The_warm_up_connects_and_makes_a_first_call_from_canned_replies_alone(ChatPlatform platform)
    {
        // Its hosts are under .invalid: a request that left the process would fail to resolve and throw here.
        Assert.Equal(2, FirstCallWarmUp.Run(platform));
    }

    [Theory]
    [InlineData(null, null, ChatPlatform.Kook)]
    [InlineData("kook", null, ChatPlatform.Kook)]
    [InlineData("kook", "tomon", ChatPlatform.Kook)]
    [InlineData(null, "tomon", ChatPlatform.Tomon)]
    [InlineData("", "tomon", ChatPlatform.Tomon)]
    [InlineData(null, "", ChatPlatform.Kook)]
    public void The_platform_warmed_is_the_one_whose_token_the_environment_holds(string? kook, string? tomon, ChatPlatform expected) =>
        Assert.Equal(expected, FirstCallWarmUp.PlatformToWarm(kook, tomon));

    [Fact]
    public void Preparing_a_contract_now_reads_the_sample_and_reports_a_sample_of_the_wrong_shape()
    {
        Assert.True(ChatJson.PrepareNow<KookEnvelope<KookTagInfo>>("{\"code\":0,\"data\":{\"color\":\"#fff\",\"bg_color\":\"#000\",\"text\":\"t\"}}"));
        Assert.False(ChatJson.PrepareNow<KookEnvelope<KookOnlineStatus>>("[1,2]"));
    }
}
