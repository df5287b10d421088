using ChatPlatform.Domain.Users;

namespace ChatPlatform.Domain.UnitTests;

public sealed class UserLockTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Unlocking_lifts_the_admins_lock_and_the_lockout_after_failed_attempts()
    {
        var user = User.Create("alice", "alice@example.com", null, null, Now);
        user.CountFailedAccess();
        user.CountFailedAccess();
        user.CountFailedAccess();
        user.LockOutUntil(Now.AddMinutes(5));
        user.Lock();
        Assert.That(user.IsLocked, Is.True);

        user.Unlock();

        Assert.Multiple(() =>
        {
            Assert.That(user.IsLocked, Is.False);
            Assert.That(user.LockoutEnd, Is.Null);
            Assert.That(user.AccessFailedCount, Is.Zero);
        });
    }
}
