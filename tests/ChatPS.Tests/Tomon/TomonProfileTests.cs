using System.Net;
using System.Net.Http;
using ChatPS.Http;
using ChatPS.Tests.Infrastructure;
using ChatPS.Tomon;

namespace ChatPS.Tests.Tomon;

public class TomonProfileTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public TomonProfileTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.ResetDiagnostics();
    }

    private static ApiToken Password(string text) => new(new NetworkCredential("", text).SecurePassword);

    [Fact]
    public async Task Get_reads_every_documented_field()
    {
        using var tomon = await _emulator.Tomon();
        var me = await tomon.Profile.GetAsync();
        Assert.Equal("132700396123668480", me.Id);
        Assert.Equal("tomon", me.Name);
        Assert.Equal("13812345678", me.Phone);
        Assert.True(me.PhoneVerified);
        Assert.False(me.Banned);
        Assert.True(me.Activated);
        Assert.Equal(0, me.Type);
        Assert.NotNull(me.UpdatedAt);
    }

    [Fact]
    public async Task Update_changes_discriminator_and_email_and_the_change_persists()
    {
        using var tomon = await _emulator.Tomon();
        var before = await tomon.Profile.GetAsync();
        try
        {
            var updated = await tomon.Profile.UpdateAsync(new TomonProfileUpdate { Discriminator = "4321", Email = "ops@tomon.example", CurrentPassword = Password("tomon-password") });
            Assert.Equal("tomon#4321", updated.FullName);
            Assert.Equal("ops@tomon.example", (await tomon.Profile.GetAsync()).Email);
        }
        finally
        {
            await tomon.Profile.UpdateAsync(new TomonProfileUpdate { Discriminator = before.Discriminator, Email = before.Email, CurrentPassword = Password("tomon-password") });
        }
    }

    [Fact]
    public async Task A_wrong_password_is_401_and_a_taken_name_or_email_is_a_400_conflict()
    {
        using var tomon = await _emulator.Tomon();
        var wrong = await Assert.ThrowsAsync<ChatApiException>(() =>
            tomon.Profile.UpdateAsync(new TomonProfileUpdate { Email = "x@tomon.example", CurrentPassword = Password("wrong-password-1") }));
        Assert.Equal(ChatErrorKind.Authentication, wrong.Kind);
        Assert.Equal(401, wrong.StatusCode);
        Assert.DoesNotContain("wrong-password-1", wrong.ToString());

        var taken = await Assert.ThrowsAsync<ChatApiException>(() =>
            tomon.Profile.UpdateAsync(new TomonProfileUpdate { Discriminator = "0000", CurrentPassword = Password("tomon-password") }));
        Assert.Equal(ChatErrorKind.Conflict, taken.Kind);
        Assert.Equal("ChatPS.Tomon.Http400", taken.ErrorId);
        Assert.Equal("40001", taken.ApiCode);

        var email = await Assert.ThrowsAsync<ChatApiException>(() =>
            tomon.Profile.UpdateAsync(new TomonProfileUpdate { Email = "taken@tomon.example", CurrentPassword = Password("tomon-password") }));
        Assert.Equal(ChatErrorKind.Conflict, email.Kind);
    }

    [Fact]
    public async Task The_service_answers_422_for_a_missing_password()
    {
        using var tomon = await _emulator.Tomon();
        var ex = await Assert.ThrowsAsync<ChatApiException>(() =>
            tomon.SendAsync(new HttpMethod("PATCH"), "users/@me", body: new Dictionary<string, object> { ["email"] = "a@b.cd" }));
        Assert.Equal(ChatErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal("ChatPS.Tomon.Http422", ex.ErrorId);
        Assert.Equal("password is required.", ex.ApiMessage);
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("123", null, true)]
    [InlineData("12a4", null, true)]
    [InlineData(null, "not-an-email", true)]
    [InlineData("1234", null, false)]
    public async Task Bad_updates_fail_before_anything_is_sent(string? discriminator, string? email, bool withPassword)
    {
        using var tomon = await _emulator.Tomon();
        int before = _emulator.Host.Requests.Count;
        var update = new TomonProfileUpdate { Discriminator = discriminator, Email = email, CurrentPassword = withPassword ? Password("p") : null };
        await Assert.ThrowsAsync<ArgumentException>(() => tomon.Profile.UpdateAsync(update));
        Assert.Equal(before, _emulator.Host.Requests.Count);
    }
}
