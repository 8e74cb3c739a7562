using System.Net.Http;
using ChatPS.Automation;
using ChatPS.Http;
using ChatPS.Tomon;
using ChatPS.Tomon.Models;

namespace ChatPS.Tests.Automation;

public class ErrorClassifierTests
{
    private static ChatApiException Api(ChatPlatform platform, ChatErrorKind kind, int? status, string? code = null) =>
        new(platform, kind, HttpMethod.Get, "x", status, code, "m");

    public static IEnumerable<object[]> Cases => new[]
    {
        new object[] { Api(ChatPlatform.Kook, ChatErrorKind.InvalidArgument, 200, "40000"), "ChatPS.Kook.40000", ChatErrorCategory.InvalidArgument, false },
        new object[] { Api(ChatPlatform.Kook, ChatErrorKind.Authentication, 401, "401"), "ChatPS.Kook.401", ChatErrorCategory.AuthenticationError, true },
        new object[] { Api(ChatPlatform.Kook, ChatErrorKind.PermissionDenied, 200, "40300"), "ChatPS.Kook.40300", ChatErrorCategory.PermissionDenied, false },
        new object[] { Api(ChatPlatform.Tomon, ChatErrorKind.InvalidArgument, 422), "ChatPS.Tomon.Http422", ChatErrorCategory.InvalidArgument, false },
        new object[] { Api(ChatPlatform.Tomon, ChatErrorKind.Conflict, 400, "40001"), "ChatPS.Tomon.Http400", ChatErrorCategory.ResourceExists, false },
        new object[] { Api(ChatPlatform.Tomon, ChatErrorKind.NotFound, 404), "ChatPS.Tomon.Http404", ChatErrorCategory.ObjectNotFound, false },
        new object[] { Api(ChatPlatform.Tomon, ChatErrorKind.RateLimited, 429), "ChatPS.Tomon.Http429", ChatErrorCategory.LimitsExceeded, false },
        new object[] { Api(ChatPlatform.Tomon, ChatErrorKind.ServerError, 503), "ChatPS.Tomon.Http503", ChatErrorCategory.ResourceUnavailable, false },
        new object[] { new ChatTransportException(ChatPlatform.Kook, ChatErrorKind.Connection, HttpMethod.Get, "x", "refused", 1, null), "ChatPS.Kook.Connection", ChatErrorCategory.ConnectionError, true },
        new object[] { new ChatTransportException(ChatPlatform.Tomon, ChatErrorKind.Timeout, HttpMethod.Get, "x", "slow", 1, null), "ChatPS.Tomon.Timeout", ChatErrorCategory.OperationTimeout, true },
        new object[] { new ChatResponseFormatException(ChatPlatform.Kook, HttpMethod.Get, "x", 200, "{"), "ChatPS.Kook.InvalidResponse", ChatErrorCategory.InvalidResult, false },
        new object[] { new ReportEvidenceException("a.png", EvidenceProblem.NotAnImage, "no"), "ChatPS.Tomon.Evidence.NotAnImage", ChatErrorCategory.InvalidArgument, false },
        new object[] { new ReportEvidenceException("a.png", EvidenceProblem.NotFound, "no"), "ChatPS.Tomon.Evidence.NotFound", ChatErrorCategory.ObjectNotFound, false },
        new object[] { new NotConnectedException(ChatPlatform.Tomon), "ChatPS.Tomon.NotConnected", ChatErrorCategory.InvalidOperation, true },
        new object[] { new ArgumentException("bad"), "ChatPS.InvalidArgument", ChatErrorCategory.InvalidArgument, false },
        new object[] { new System.IO.FileNotFoundException("gone"), "ChatPS.ReadError", ChatErrorCategory.ReadError, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Failures_map_to_stable_ids_categories_and_severity(Exception exception, string id, ChatErrorCategory category, bool terminating)
    {
        var c = ErrorClassifier.Classify(exception);
        Assert.Equal(id, c.ErrorId);
        Assert.Equal(category, c.Category);
        Assert.Equal(terminating, c.Terminating);
    }

    [Fact]
    public void Not_connected_tells_the_user_what_to_run() =>
        Assert.Contains("Run Connect-Kook", new NotConnectedException(ChatPlatform.Kook).Message);
}

public class AutomationHelperTests
{
    [Fact]
    public void Progress_arithmetic()
    {
        var p = new ProgressTracker("Get-KookUser", 4);
        Assert.True(p.ShouldShow);
        Assert.Equal(0, p.PercentComplete);
        Assert.Equal(-1, p.SecondsRemaining);
        p.Advance();
        Assert.Equal(25, p.PercentComplete);
        Assert.Equal("1 of 4: 42", p.Status("42"));
        Assert.True(p.SecondsRemaining >= 0);
        for (int i = 0; i < 10; i++) p.Advance();
        Assert.Equal(100, p.PercentComplete);
        Assert.False(new ProgressTracker("x", 1).ShouldShow);
        Assert.Equal(100, new ProgressTracker("x", 0).PercentComplete);
    }

    [Fact]
    public void Pipeline_order_is_kept_and_repeats_refused()
    {
        var c = new OrderedIdCollector();
        c.Add("30");
        c.Add(" 10 ");
        c.Add("20");
        Assert.Equal(new[] { "30", "10", "20" }, c.Ids);
        Assert.Throws<ArgumentException>(() => c.Add("10"));
        Assert.Throws<ArgumentException>(() => c.Add("abc"));
        Assert.Equal(3, c.Count);
    }

    [Theory]
    [InlineData("tag_info", "TagInfo")]
    [InlineData("client-id", "ClientId")]
    [InlineData("x", "X")]
    [InlineData("already", "Already")]
    public void Wire_names_become_PascalCase(string wire, string pascal) => Assert.Equal(pascal, PropertyNames.ToPascalCase(wire));

    [Fact]
    public void Query_values_are_invariant()
    {
        Assert.Equal("true", QueryValues.Format(true));
        Assert.Equal("1.5", QueryValues.Format(1.5));
        Assert.Equal("42", QueryValues.Format(42L));
        Assert.Null(QueryValues.Format(null));
        Assert.Equal("abc", QueryValues.Format("abc"));
    }

    [Fact]
    public void Connection_settings_map_to_transport_options()
    {
        var options = new ConnectionSettings { TimeoutSec = 7, MaximumRetryCount = 0, RetryIntervalSec = 2, AcceptLanguage = "en-US", Proxy = new Uri("http://proxy.local:8080") }.ToOptions();
        Assert.Equal(TimeSpan.FromSeconds(7), options.Timeout);
        Assert.Equal(0, options.MaximumRetryCount);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryInterval);
        Assert.Equal("en-US", options.AcceptLanguage);
        Assert.NotNull(options.Proxy);
        var defaults = new ConnectionSettings().ToOptions();
        Assert.Equal(TimeSpan.FromSeconds(100), defaults.Timeout);
        Assert.Equal(3, defaults.MaximumRetryCount);
    }

    [Fact]
    public void Base_uris_are_checked_and_remote_http_refused_unless_allowed()
    {
        Assert.Equal("https://www.kookapp.cn/api/v3/", new ConnectionSettings().ResolveBaseUri("https://www.kookapp.cn/api/v3").ToString());
        Assert.Throws<ArgumentException>(() => new ConnectionSettings { BaseUri = "not a uri" }.ResolveBaseUri("https://x/"));
        Assert.Throws<ArgumentException>(() => new ConnectionSettings { BaseUri = "http://chat.example.com/api" }.ResolveBaseUri("https://x/"));
        Assert.Equal("http://chat.example.com/api/", new ConnectionSettings { BaseUri = "http://chat.example.com/api", AllowUnencryptedAuthentication = true }.ResolveBaseUri("https://x/").ToString());
        Assert.Equal("http://127.0.0.1:5380/api/v3/", new ConnectionSettings { BaseUri = "http://127.0.0.1:5380/api/v3" }.ResolveBaseUri("https://x/").ToString());
    }

    [Fact]
    public void ShouldProcess_texts_name_what_is_changed()
    {
        var update = new TomonProfileUpdate { Discriminator = "4321", Email = "a@b.cd" };
        Assert.Equal("Change discriminator to '4321' and e-mail to 'a@b.cd'", OperationText.ProfileChange(update));
        var report = new TomonReportRequest { TargetId = "5", Type = TomonReportType.Guild, Reason = TomonReportReason.Spam };
        Assert.Equal("Guild 5", OperationText.Report(report));
        Assert.Equal("File a report (reason: Spam) with 2 evidence file(s)", OperationText.ReportAction(report, 2));
        Assert.Equal("Tomon stamp pack 9", OperationText.StampPack("9"));
        Assert.Equal("Direct channel with 1, 2", OperationText.DirectChannel(new[] { "1", "2" }));
        Assert.Equal("Kook POST user/online", OperationText.ApiCall(ChatPlatform.Kook, "post", "user/online"));
    }
}
