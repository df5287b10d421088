using ChatPlatform.Domain.Common;
using ChatPlatform.Domain.Roles;
using ChatPlatform.Domain.Users;

namespace ChatPlatform.Domain.UnitTests;

public sealed class RoleTests
{
    [TestCase("rooms.create")]
    [TestCase("a")]
    [TestCase("reports.export_csv.v2")]
    public void Well_formed_permission_codes_are_accepted(string code) =>
        Assert.That(Permission.Create(code, null).Code, Is.EqualTo(code));

    [TestCase("Rooms.create")]
    [TestCase("1rooms")]
    [TestCase("rooms.")]
    [TestCase("rooms..create")]
    [TestCase("rooms create")]
    [TestCase("")]
    public void Malformed_permission_codes_are_refused(string code)
    {
        var failure = Assert.Throws<DomainRuleException>(() => Permission.Create(code, null));
        Assert.That(failure!.Code, Is.EqualTo("validation_failed"));
    }

    [Test]
    public void Replacing_permissions_reports_whether_any_were_taken_away()
    {
        var create = Permission.Create("rooms.create", null);
        var manage = Permission.Create("rooms.manage", null);
        var role = Role.Create("moderator", null);

        Assert.That(role.ReplacePermissions([create]), Is.False, "growing from nothing");
        Assert.That(role.ReplacePermissions([create, manage]), Is.False, "growing");
        Assert.That(role.ReplacePermissions([manage]), Is.True, "shrinking");
        Assert.That(role.Permissions.Select(p => p.Code), Is.EqualTo(new[] { "rooms.manage" }));
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("nul\0")]
    [TestCase("a-name-that-is-longer-than-sixty-four-characters-which-no-role-may-have")]
    public void A_malformed_role_name_is_refused(string name) =>
        Assert.That(Assert.Throws<DomainRuleException>(() => Role.Create(name, null))!.Code, Is.EqualTo("validation_failed"));

    [Test]
    public void A_role_description_over_its_bound_is_refused() =>
        Assert.That(Assert.Throws<DomainRuleException>(() => Role.Create("moderator", new string('d', Role.DescriptionMaxLength + 1)))!.Code, Is.EqualTo("validation_failed"));

    [Test]
    public void The_admin_role_keeps_every_permission_it_holds()
    {
        var admin = Role.Create("admin", null, isSystem: true);
        var read = Permission.Create("users.read", null);
        var manage = Permission.Create("users.manage", null);
        admin.ReplacePermissions([read, manage]);

        Assert.That(Assert.Throws<DomainRuleException>(() => admin.ReplacePermissions([read]))!.Code, Is.EqualTo("system_role"));
        Assert.That(admin.Permissions.Select(p => p.Code), Is.EquivalentTo(new[] { "users.read", "users.manage" }));
        Assert.That(admin.ReplacePermissions([read, manage, Permission.Create("audit.read", null)]), Is.False, "adding is fine");
    }

    [Test]
    public void System_roles_and_permissions_cannot_be_deleted()
    {
        Assert.That(Assert.Throws<DomainRuleException>(() => Role.Create("admin", null, isSystem: true).EnsureDeletable())!.Code, Is.EqualTo("system_role"));
        Assert.That(Assert.Throws<DomainRuleException>(() => Permission.Create("users.read", null, isSystem: true).EnsureDeletable())!.Code, Is.EqualTo("system_permission"));
        Assert.DoesNotThrow(() => Role.Create("moderator", null).EnsureDeletable());
    }

    [Test]
    public void Only_the_admin_role_grants_everything() =>
        Assert.That(new[] { "admin", "ADMIN", "user", "moderator" }.Select(n => Role.Create(n, null).GrantsEverything), Is.EqualTo(new[] { true, true, false, false }));

    [Test]
    public void Only_the_admin_roles_key_grants_everything()
    {
        Assert.That(Role.GrantsEverythingByKey(Role.KeyOf("Admin")), Is.True);
        Assert.That(Role.GrantsEverythingByKey(SystemRoles.AdminKey), Is.True);
        Assert.That(Role.GrantsEverythingByKey("ADMIN"), Is.False, "a name is not a key");
        Assert.That(Role.GrantsEverythingByKey(SystemRoles.UserKey), Is.False);
        Assert.That(Role.GrantsEverythingByKey("administrator"), Is.False);
    }

    [Test]
    public void Replacing_a_users_roles_reports_only_real_changes()
    {
        var user = User.Create("alice", "alice@example.com", " Alice ", "", DateTimeOffset.UnixEpoch);
        var member = Role.Create("user", null);
        var moderator = Role.Create("moderator", null);
        user.AddRole(member);

        Assert.That(user.ReplaceRoles([Role.Create("USER", null)]), Is.False);
        Assert.That(user.ReplaceRoles([member, moderator]), Is.True);
        Assert.That(user.HasRole("Moderator"), Is.True);
        Assert.That(user.FirstName, Is.EqualTo("Alice"));
        Assert.That(user.LastName, Is.Null);
    }
}
