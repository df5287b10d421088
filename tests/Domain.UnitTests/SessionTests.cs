using ChatPlatform.Domain.Sessions;

namespace ChatPlatform.Domain.UnitTests;

public sealed class SessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_refresh_token_never_outlives_its_session()
    {
        var session = Session.Start(Guid.NewGuid(), Now, TimeSpan.FromDays(30));

        var late = RefreshToken.Issue(session, "hash", Now.AddDays(28), TimeSpan.FromDays(7));
        var early = RefreshToken.Issue(session, "hash", Now, TimeSpan.FromDays(7));

        Assert.That(late.ExpiresAt, Is.EqualTo(session.ExpiresAt));
        Assert.That(early.ExpiresAt, Is.EqualTo(Now.AddDays(7)));
    }

    [Test]
    public void Revoking_keeps_the_first_time_and_reason()
    {
        var session = Session.Start(Guid.NewGuid(), Now, TimeSpan.FromDays(30));

        session.Revoke(Now.AddMinutes(1), RevocationReasons.Logout);
        session.Revoke(Now.AddMinutes(2), RevocationReasons.LogoutAll);

        Assert.That(session.IsRevoked, Is.True);
        Assert.That(session.RevokedAt, Is.EqualTo(Now.AddMinutes(1)));
        Assert.That(session.RevokedReason, Is.EqualTo(RevocationReasons.Logout));
    }

    [Test]
    public void A_session_expires_at_its_absolute_end()
    {
        var session = Session.Start(Guid.NewGuid(), Now, TimeSpan.FromDays(30));

        Assert.That(session.IsExpired(Now.AddDays(30).AddTicks(-1)), Is.False);
        Assert.That(session.IsExpired(Now.AddDays(30)), Is.True);
    }

    [Test]
    public void A_session_keeps_its_device_within_bounds_and_its_last_use_only_moves_forward()
    {
        var session = Session.Start(Guid.NewGuid(), Now, TimeSpan.FromDays(30), new string('a', 600), "203.0.113.7");

        session.Touch(Now.AddMinutes(5));
        session.Touch(Now.AddMinutes(1));

        Assert.That(session.UserAgent, Has.Length.EqualTo(Session.UserAgentMaxLength));
        Assert.That(session.IpAddress, Is.EqualTo("203.0.113.7"));
        Assert.That(session.LastUsedAt, Is.EqualTo(Now.AddMinutes(5)));
    }

    [Test]
    public void A_new_session_was_last_used_at_its_login()
    {
        var session = Session.Start(Guid.NewGuid(), Now, TimeSpan.FromDays(30), userAgent: "", ipAddress: null);

        Assert.That(session.LastUsedAt, Is.EqualTo(Now));
        Assert.That(session.UserAgent, Is.Null);
    }
}
