using ChatPlatform.Domain.Common;
using ChatPlatform.Domain.Messages;
using ChatPlatform.Domain.Rooms;

namespace ChatPlatform.Domain.UnitTests;

public sealed class ChatRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_room_keeps_its_name_and_is_found_by_a_case_insensitive_key()
    {
        var room = Room.Create("General-Chat_1", "  Talk  ", Guid.NewGuid(), Now);

        Assert.That(room.Name, Is.EqualTo("General-Chat_1"));
        Assert.That(room.NormalizedName, Is.EqualTo(Room.KeyOf("general-chat_1")));
        Assert.That(room.Description, Is.EqualTo("Talk"));
    }

    [TestCase("")]
    [TestCase("two words")]
    [TestCase("émoji")]
    [TestCase("a.b")]
    public void A_room_name_outside_the_rules_is_refused(string name)
    {
        var refused = Assert.Throws<DomainRuleException>(() => Room.Create(name, null, Guid.NewGuid(), Now));

        Assert.That(refused!.Code, Is.EqualTo("validation_failed"));
    }

    [Test]
    public void A_room_name_is_at_most_64_characters()
    {
        Assert.That(Room.Create(new string('a', 64), null, Guid.NewGuid(), Now).Name, Has.Length.EqualTo(64));
        Assert.Throws<DomainRuleException>(() => Room.Create(new string('a', 65), null, Guid.NewGuid(), Now));
    }

    [Test]
    public void A_message_is_trimmed_and_must_have_1_to_4000_characters()
    {
        var message = Message.Send(Guid.NewGuid(), Guid.NewGuid(), "  " + new string('x', 4000) + "\n", Now);

        Assert.That(message.Content, Has.Length.EqualTo(4000));
        Assert.Throws<DomainRuleException>(() => Message.Send(Guid.NewGuid(), Guid.NewGuid(), " \t\n ", Now));
        Assert.Throws<DomainRuleException>(() => Message.Send(Guid.NewGuid(), Guid.NewGuid(), new string('x', 4001), Now));
    }
}
