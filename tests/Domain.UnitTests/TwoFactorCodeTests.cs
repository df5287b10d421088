using ChatPlatform.Domain.Users;

namespace ChatPlatform.Domain.UnitTests;

public sealed class TwoFactorCodeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_two_factor_code_is_usable_only_before_it_expires()
    {
        var code = TwoFactorCode.Issue(Guid.NewGuid(), Guid.NewGuid(), TwoFactorPurpose.Login, "hash", "challenge", Now, TimeSpan.FromMinutes(5));

        Assert.Multiple(() =>
        {
            Assert.That(code.IsUsable(Now.AddMinutes(4)), Is.True);
            Assert.That(code.IsUsable(Now.AddMinutes(5)), Is.False);
        });
    }
}
