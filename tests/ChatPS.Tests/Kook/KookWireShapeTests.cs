using System.Net;
using System.Net.Http;
using System.Text.Json;
using ChatPS.Automation;
using ChatPS.Emulator.Infrastructure;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;

namespace ChatPS.Tests.Kook;

/// <summary>The emulator's KOOK replies have the shapes live KOOK sends (real-world-notes), and the client reads them.</summary>
public class KookWireShapeTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public KookWireShapeTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.ResetDiagnostics();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> Raw(string pathAndQuery, string? token = EmulatorFixture.KookToken, string method = "GET")
    {
        using var http = new HttpClient();
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_emulator.Host.KookBaseUri + "/" + pathAndQuery));
        if (token != null) request.Headers.TryAddWithoutValidation("Authorization", "Bot " + token);
        var response = await http.SendAsync(request);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, doc.RootElement.Clone(), response);
    }

    private static void AssertHttpErrorData(JsonElement body, int code, string name)
    {
        Assert.Equal(code, body.GetProperty("code").GetInt32());
        var data = body.GetProperty("data");
        Assert.Equal(JsonValueKind.Object, data.ValueKind);
        Assert.Equal(name, data.GetProperty("name").GetString());
        Assert.Equal(code, data.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_bad_token_is_http_401_with_name_and_status_data()
    {
        var (status, body, _) = await Raw("user/me", token: "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        AssertHttpErrorData(body, 401, "Unauthorized");
        Assert.Equal("你的用户凭证不正确", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_business_error_is_http_200_code_40000_with_an_empty_data_object()
    {
        var (status, body, _) = await Raw("user/view?user_id=1999999999");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(40000, body.GetProperty("code").GetInt32());
        var data = body.GetProperty("data");
        Assert.Equal(JsonValueKind.Object, data.ValueKind);
        Assert.Empty(data.EnumerateObject());

        (status, body, _) = await Raw("user/view");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(40000, body.GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Object, body.GetProperty("data").ValueKind);

        (_, body, _) = await Raw("user/view?user_id=1000000003&guild_id=9999999");
        Assert.Equal(40000, body.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task An_injected_Forbidden_is_http_403_and_a_permission_error_in_the_client()
    {
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.Forbidden });
        var (status, body, _) = await Raw("user/me");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        AssertHttpErrorData(body, 403, "Forbidden");
        Assert.Equal("你没有权限进行此操作", body.GetProperty("message").GetString());

        _emulator.Host.Faults.Add(new FaultRule { Method = "POST", Path = "/api/v3/user/online", Kind = FaultKind.Forbidden });
        var options = EmulatorFixture.FastOptions();
        options.AcceptLanguage = "en-US";
        using var kook = _emulator.Kook(options);
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GoOnlineAsync());
        Assert.Equal(ChatErrorKind.PermissionDenied, ex.Kind);
        Assert.Equal("ChatPS.Kook.403", ex.ErrorId);
        Assert.Equal(403, ex.StatusCode);
        Assert.Equal("You do not have permission to perform this action", ex.ApiMessage);
        Assert.Equal(ChatErrorCategory.PermissionDenied, ErrorClassifier.Classify(ex).Category);
        // Not retried: a refusal does not change by asking again.
        Assert.Single(_emulator.Host.Requests.Matching("user/online"));
    }

    [Fact]
    public async Task A_server_error_is_http_500_with_name_and_status_data()
    {
        _emulator.Host.Faults.Add(new FaultRule { Method = "GET", Path = "/api/v3/user/me", Kind = FaultKind.ServerError });
        var (status, body, _) = await Raw("user/me");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        AssertHttpErrorData(body, 500, "Internal Server Error");
        Assert.Equal("系统错误", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_lookup_KOOK_answers_with_40000_is_ObjectNotFound_and_keeps_its_error_id()
    {
        using var kook = _emulator.Kook();
        var ex = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetAsync("1999999999"));
        var c = ErrorClassifier.Classify(ex);
        Assert.Equal(ChatErrorCategory.ObjectNotFound, c.Category);
        Assert.Equal("ChatPS.Kook.40000", c.ErrorId);
        Assert.False(c.Terminating);

        // "Not in this guild" is the same code on the same lookup.
        var notMember = await Assert.ThrowsAsync<ChatApiException>(() => kook.Users.GetAsync("1000000003", "9000000000000002"));
        Assert.Equal(ChatErrorCategory.ObjectNotFound, ErrorClassifier.Classify(notMember).Category);
    }

    [Fact]
    public async Task User_objects_carry_the_current_fields_typed_and_the_rest_as_extras()
    {
        using var kook = _emulator.Kook();
        var me = await kook.Users.GetCurrentAsync();
        Assert.Equal(0, me.BotStatus);
        Assert.NotNull(me.TagInfo);
        Assert.Equal("#0096FF", me.TagInfo!.Color);
        Assert.Equal("#0096FF40", me.TagInfo.BackgroundColor);
        Assert.Equal("机器人", me.TagInfo.Text);
        Assert.True(me.Verified);
        Assert.False(me.IsSystem);
        Assert.False(me.VipAmp);
        Assert.NotNull(me.AdditionalProperties);
        Assert.True(me.AdditionalProperties!.ContainsKey("nameplate"));
        Assert.True(me.AdditionalProperties.ContainsKey("kpm_vip"));
        Assert.Null(me.AdditionalProperties["decorations_id_map"]);
        foreach (var typed in new[] { "vip_amp", "bot_status", "tag_info", "is_sys", "verified" })
            Assert.False(me.AdditionalProperties.ContainsKey(typed), typed + " should be a typed property");

        await kook.Users.GoOnlineAsync();
        Assert.Equal(1, (await kook.Users.GetCurrentAsync()).BotStatus);
        await kook.Users.GoOfflineAsync();

        var alice = await kook.Users.GetAsync("1000000001", "9000000000000001");
        Assert.True(alice.VipAmp);
        Assert.Equal(new[] { "113", "114" }, alice.Roles);
        Assert.IsType<Dictionary<string, object?>>(alice.AdditionalProperties!["decorations_id_map"]);
    }

    [Fact]
    public async Task A_live_shaped_user_view_reply_reads()
    {
        // The current official example's shape, with the extra fields live replies carry.
        _emulator.Reply("GET", "/api/v3/user/view", """
            {"code":0,"message":"操作成功","data":{"id":"2418200000","username":"tz-un","identify_num":"5618","online":false,
             "status":0,"bot":true,"avatar":"https://img.kookapp.cn/avatars/a.png","vip_avatar":"","is_vip":false,"vip_amp":false,
             "bot_status":0,"tag_info":{"color":"#0096FF","bg_color":"#0096FF40","text":"机器人"},"mobile_verified":true,
             "is_sys":false,"verified":false,"client_id":"abc","nickname":"tz-un","roles":[8615,8616],
             "joined_at":1621338425000,"active_time":1628688607719,"nameplate":[],"decorations_id_map":null,
             "kpm_vip":null,"wealth_level":0,"intent":{},"live_info":{"in_live":false}}}
            """);
        using var kook = _emulator.Kook();
        var user = await kook.Users.GetAsync("2418200000", "9000000000000001");
        Assert.Equal(new[] { "8615", "8616" }, user.Roles);
        Assert.Equal(0, user.BotStatus);
        Assert.Equal("机器人", user.TagInfo!.Text);
        Assert.Equal("机器人", user.TagInfo.ToString());
        Assert.Equal(0L, user.AdditionalProperties!["wealth_level"]);
        Assert.True(user.AdditionalProperties.ContainsKey("live_info"));
    }
}
