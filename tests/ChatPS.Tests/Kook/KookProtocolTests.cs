using ChatPS.Http;
using ChatPS.Kook;

namespace ChatPS.Tests.Kook;

public class KookProtocolTests
{
    [Theory]
    [InlineData(40000, ChatErrorKind.InvalidArgument)]
    [InlineData(40100, ChatErrorKind.Authentication)]
    [InlineData(40103, ChatErrorKind.Authentication)]
    [InlineData(40300, ChatErrorKind.PermissionDenied)]
    [InlineData(40400, ChatErrorKind.NotFound)]
    [InlineData(42900, ChatErrorKind.RateLimited)]
    [InlineData(50000, ChatErrorKind.ServerError)]
    [InlineData(401, ChatErrorKind.Authentication)]
    [InlineData(7, ChatErrorKind.Unknown)]
    public void Codes_map_to_kinds(long code, ChatErrorKind kind) => Assert.Equal(kind, KookProtocol.KindOfCode(code));

    [Theory]
    [InlineData("1", true)]
    [InlineData(" 2418200000 ", true)]
    [InlineData("", false)]
    [InlineData("12a", false)]
    [InlineData("١٢٣", false)]
    [InlineData(null, false)]
    public void Ids_are_1_to_20_ascii_digits(string? id, bool valid) => Assert.Equal(valid, ChatIds.IsValid(id));
}
