using ChatPlatform.Domain.Audit;

namespace ChatPlatform.Domain.UnitTests;

public sealed class AuditEventTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Only_the_contracts_event_types_can_be_recorded()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AuditEvent.Record("something_happened", Now, null, null, null, null));
    }

    [Test]
    public void An_event_keeps_the_names_of_the_time_and_bounds_its_details()
    {
        var id = Guid.NewGuid();

        var e = AuditEvent.Record(
            AuditEventTypes.UserLocked,
            Now,
            (id, "root"),
            null,
            "127.0.0.1",
            new Dictionary<string, string> { ["note"] = new string('x', AuditEvent.DetailMaxLength + 10) });

        Assert.That(e.ActorId, Is.EqualTo(id));
        Assert.That(e.ActorName, Is.EqualTo("root"));
        Assert.That(e.SubjectName, Is.Null);
        Assert.That(e.Details["note"], Has.Length.EqualTo(AuditEvent.DetailMaxLength));
    }
}
