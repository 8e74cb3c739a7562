using System.Net;
using ChatPS.Http;
using ChatPS.Loading;

namespace ChatPS.Tests.Http;

[Trait("Category", "Unit")]
public class TlsPolicyTests
{
    private const SecurityProtocolType Ssl3 = (SecurityProtocolType)48;
    private const SecurityProtocolType Tls = SecurityProtocolType.Tls;
    private const SecurityProtocolType Tls11 = SecurityProtocolType.Tls11;
    private const SecurityProtocolType Tls12 = SecurityProtocolType.Tls12;
    private const SecurityProtocolType Tls13 = (SecurityProtocolType)12288;

    public static TheoryData<SecurityProtocolType, bool, SecurityProtocolType> FrameworkCases => new()
    {
        // Windows PowerShell 5.1's usual defaults, without and with an enum that knows TLS 1.3 (.NET Framework 4.8).
        { Ssl3 | Tls, false, Ssl3 | Tls | Tls12 },
        { Ssl3 | Tls, true, Ssl3 | Tls | Tls12 | Tls13 },
        { Tls, false, Tls | Tls12 },
        { Tls | Tls11, false, Tls | Tls11 | Tls12 },
        { Tls | Tls11, true, Tls | Tls11 | Tls12 | Tls13 },
        // Already enough: unchanged (Tls13 is only added where the enum has it).
        { Tls12, false, Tls12 },
        { Tls | Tls11 | Tls12, false, Tls | Tls11 | Tls12 },
        { Tls12 | Tls13, true, Tls12 | Tls13 },
        // A host that allows only TLS 1.3 still gets 1.2 added, never loses 1.3.
        { Tls13, true, Tls12 | Tls13 },
        // SystemDefault (0): the OS chooses; adding a bit would pin the protocols to that bit.
        { 0, false, 0 },
        { 0, true, 0 },
    };

    [Theory, MemberData(nameof(FrameworkCases))]
    public void On_NET_Framework_TLS_12_is_added_and_nothing_removed(SecurityProtocolType current, bool enumKnowsTls13, SecurityProtocolType expected)
    {
        var result = TlsPolicy.Decide(RuntimeKind.NetFramework, current, enumKnowsTls13);
        Assert.Equal(expected, result);
        Assert.Equal(current, result & current);
    }

    [Theory]
    [InlineData(nameof(RuntimeKind.NetCore), 48 | 192)]
    [InlineData(nameof(RuntimeKind.NetCore), 0)]
    [InlineData(nameof(RuntimeKind.NetCore), 192)]
    [InlineData(nameof(RuntimeKind.Mono), 48 | 192)]
    public void Elsewhere_the_setting_is_left_alone(string runtime, int current) =>
        Assert.Equal((SecurityProtocolType)current, TlsPolicy.Decide(Enum.Parse<RuntimeKind>(runtime), (SecurityProtocolType)current, enumKnowsTls13: true));

    [Fact]
    public void Applying_it_here_changes_nothing_and_says_nothing()
    {
        // This process runs on .NET 10: the setting must not move, and no verbose line is due.
#pragma warning disable SYSLIB0014 // obsolete here: which is why it must stay untouched
        var before = ServicePointManager.SecurityProtocol;
        Assert.Null(TlsPolicy.EnsureApplied());
        Assert.Equal(before, ServicePointManager.SecurityProtocol);
#pragma warning restore SYSLIB0014
    }

    [Fact]
    public void Applying_writes_the_new_value_once_and_says_what_it_was()
    {
        var setting = Ssl3 | Tls;
        var writes = 0;
        string? line = TlsPolicy.Apply(RuntimeKind.NetFramework, () => setting, v => { setting = v; writes++; }, enumKnowsTls13: false);
        Assert.Equal(Ssl3 | Tls | Tls12, setting);
        Assert.Equal(1, writes);
        Assert.Equal("TLS: ServicePointManager.SecurityProtocol was Ssl3, Tls; now Ssl3, Tls, Tls12 for this session (KOOK and Tomon require TLS 1.2)", line);

        Assert.Null(TlsPolicy.Apply(RuntimeKind.NetFramework, () => setting, v => writes++, enumKnowsTls13: false));
        Assert.Equal(1, writes);
    }

    [Fact]
    public void Applying_on_NET_Core_neither_writes_nor_logs()
    {
        Assert.Null(TlsPolicy.Apply(RuntimeKind.NetCore, () => Ssl3 | Tls, _ => throw new InvalidOperationException("written"), enumKnowsTls13: true));
    }

    [Theory]
    [InlineData(".NET Framework 4.8.9032.0", nameof(RuntimeKind.NetFramework))]
    [InlineData(".NET Framework 4.7.3221.0", nameof(RuntimeKind.NetFramework))]
    [InlineData(".NET Core 3.1.32", nameof(RuntimeKind.NetCore))]
    [InlineData(".NET 10.0.0", nameof(RuntimeKind.NetCore))]
    [InlineData("Mono 6.12.0.200 (tarball)", nameof(RuntimeKind.Mono))]
    public void The_runtime_is_classified_from_its_description(string description, string expected) =>
        Assert.Equal(Enum.Parse<RuntimeKind>(expected), HostRuntime.Classify(description));
}
