using ChatPlatform.Domain.Common;
using ChatPlatform.Domain.Roles;
using ChatPlatform.Domain.Users;

namespace ChatPlatform.Domain.UnitTests;

public sealed class UserShapeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [TestCase("")]
    [TestCase("al")]
    [TestCase("has space")]
    [TestCase("thirty-three-characters-long-name")]
    [TestCase("alice@example.com")]
    [TestCase("alice\n")]
    public void A_user_is_not_created_with_a_username_outside_the_rules(string userName)
    {
        var refused = Assert.Throws<DomainRuleException>(() => User.Create(userName, "alice@example.com", null, null, Now));

        Assert.That(refused!.Code, Is.EqualTo("validation_failed"));
    }

    [TestCase("")]
    [TestCase("alice")]
    [TestCase("@example.com")]
    [TestCase("alice@")]
    [TestCase("alice@@example.com")]
    [TestCase("al ice@example.com")]
    [TestCase("alice@example.com\r\n")]
    public void A_user_is_not_created_with_an_email_that_is_not_one_address(string email)
    {
        var refused = Assert.Throws<DomainRuleException>(() => User.Create("alice", email, null, null, Now));

        Assert.That(refused!.Code, Is.EqualTo("validation_failed"));
    }

    [Test]
    public void The_longest_allowed_fields_are_accepted_and_one_more_character_is_not()
    {
        var userName = new string('a', UserRules.UserNameMaxLength);
        var email = new string('e', UserRules.EmailMaxLength - "@example.com".Length) + "@example.com";
        var name = new string('n', UserRules.NameMaxLength);

        var user = User.Create(userName, email, name, name, Now);

        Assert.That((user.UserName, user.Email, user.FirstName), Is.EqualTo((userName, email, name)));
        Assert.Throws<DomainRuleException>(() => User.Create(userName + "a", email, null, null, Now));
        Assert.Throws<DomainRuleException>(() => User.Create(userName, "e" + email, null, null, Now));
        Assert.Throws<DomainRuleException>(() => User.Create(userName, email, name + "n", null, Now));
        Assert.Throws<DomainRuleException>(() => user.ChangeName(null, name + "n"));
    }

    [Test]
    public void A_username_change_is_held_to_the_same_rules_and_a_refused_one_changes_nothing()
    {
        var user = User.Create("alice", "alice@example.com", null, null, Now);

        Assert.Throws<DomainRuleException>(() => user.ChangeUserName("no spaces allowed"));
        Assert.That(user.UserName, Is.EqualTo("alice"));

        user.ChangeUserName("Alice.Liddell-1_");
        Assert.That(user.UserName, Is.EqualTo("Alice.Liddell-1_"));
    }

    [Test]
    public void An_email_change_is_held_to_the_same_rules_and_a_refused_one_keeps_the_confirmation()
    {
        var user = User.Create("alice", "alice@example.com", null, null, Now);
        user.ConfirmEmail();

        Assert.Throws<DomainRuleException>(() => user.ChangeEmail("not-an-address"));

        Assert.That((user.Email, user.EmailConfirmed), Is.EqualTo(("alice@example.com", true)));
    }

    [Test]
    public void Roles_are_matched_by_their_key_whatever_the_case()
    {
        var user = User.Create("alice", "alice@example.com", null, null, Now);
        var moderator = Role.Create("Moderator", null);
        user.AddRole(moderator);

        user.AddRole(Role.Create("MODERATOR", null));

        Assert.That(user.Roles, Has.Count.EqualTo(1));
        Assert.That((user.HasRole("moderator"), user.HasRole("MODERATOR"), user.HasRole("admin")), Is.EqualTo((true, true, false)));
        Assert.That(user.ReplaceRoles([Role.Create("moderator", null), Role.Create("MODERATOR", null)]), Is.False, "the same key is no change");
        Assert.That(user.ReplaceRoles([Role.Create("user", null), Role.Create("USER", null)]), Is.True);
        Assert.That(user.Roles.Select(r => r.Name), Is.EqualTo(new[] { "user" }), "one role per key");
    }

    [Test]
    public void A_username_or_address_has_one_key_whatever_its_case()
    {
        Assert.That(User.KeyOf("Alice@Example.com"), Is.EqualTo(User.KeyOf("alice@EXAMPLE.COM")));
        Assert.That(User.KeyOf("Ren\u00e9e"), Is.EqualTo(User.KeyOf("REN\u00c9E")));
        Assert.That(User.KeyOf("alice"), Is.Not.EqualTo(User.KeyOf("alicia")));
    }
}
