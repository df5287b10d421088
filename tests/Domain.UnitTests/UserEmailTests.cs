using ChatPlatform.Domain.Users;

namespace ChatPlatform.Domain.UnitTests;

public sealed class UserEmailTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_new_address_is_unconfirmed_until_confirmed_and_the_same_address_stays_confirmed()
    {
        var user = User.Create("alice", "alice@example.com", null, null, Now);
        user.ConfirmEmail();

        user.ChangeEmail("alice@example.com");
        Assert.That(user.EmailConfirmed, Is.True, "the same address keeps its confirmation");

        user.ChangeEmail("alice@new.example");
        Assert.That(user.EmailConfirmed, Is.False);
        Assert.That(user.Email, Is.EqualTo("alice@new.example"));

        user.ConfirmEmail();
        Assert.That(user.EmailConfirmed, Is.True);
    }
}
