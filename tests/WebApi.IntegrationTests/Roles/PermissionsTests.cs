using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Roles;

public sealed class PermissionsTests : ApiTest
{
    [Test]
    public async Task The_system_permissions_are_listed_and_marked_as_system()
    {
        var admin = await Api.RegisterAdminAsync("root");

        var list = await (await Api.GetAsync("/api/permissions", admin.AccessToken)).ShouldHaveStatus(200);

        Assert.That(list.EnumerateArray().Select(p => p.GetProperty("code").GetString()), Is.EqualTo(new[]
        {
            "audit.read", "messages.moderate", "roles.manage", "rooms.create", "rooms.manage", "users.manage", "users.read",
        }));
        Assert.That(list.EnumerateArray().All(p => p.GetProperty("isSystem").GetBoolean()), Is.True);
    }

    [Test]
    public async Task One_permission_is_read_by_its_code_and_an_unknown_or_deleted_code_is_404()
    {
        var admin = await Api.RegisterAdminAsync("root");
        var alice = await Api.RegisterAndLoginAsync("alice");
        await (await Api.PostAsync("/api/permissions", new { code = "rooms.archive" }, admin.AccessToken)).ShouldHaveStatus(201);

        var system = await (await Api.GetAsync("/api/permissions/users.read", admin.AccessToken)).ShouldHaveStatus(200);
        Assert.Multiple(() =>
        {
            Assert.That(system.GetProperty("code").GetString(), Is.EqualTo("users.read"));
            Assert.That(system.GetProperty("isSystem").GetBoolean(), Is.True);
        });
        await (await Api.GetAsync("/api/permissions/rooms.archive", alice.AccessToken)).ShouldBeProblem(403, "forbidden");
        await (await Api.GetAsync("/api/permissions/rooms.nothing", admin.AccessToken)).ShouldBeProblem(404, "not_found");
        await (await Api.GetAsync("/api/permissions/Rooms.Archive", admin.AccessToken)).ShouldBeProblem(404, "not_found");
        await (await Api.DeleteAsync("/api/permissions/rooms.archive", admin.AccessToken)).ShouldHaveStatus(204);
        await (await Api.GetAsync("/api/permissions/rooms.archive", admin.AccessToken)).ShouldBeProblem(404, "not_found");
    }

    [Test]
    public async Task A_new_permission_is_created_granted_to_admin_and_a_duplicate_is_409_permission_exists()
    {
        var admin = await Api.RegisterAdminAsync("root");

        var response = await Api.PostAsync("/api/permissions", new { code = "rooms.archive", description = "Archive rooms." }, admin.AccessToken);

        var created = await response.ShouldHaveStatus(201);
        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("code").GetString(), Is.EqualTo("rooms.archive"));
            Assert.That(created.GetProperty("description").GetString(), Is.EqualTo("Archive rooms."));
            Assert.That(created.GetProperty("isSystem").GetBoolean(), Is.False);
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/api/permissions/rooms.archive"));
        });
        var located = await (await Api.GetAsync(response.Headers.Location!.ToString(), admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(located.GetProperty("code").GetString(), Is.EqualTo("rooms.archive"));
        var adminRole = await (await Api.GetAsync("/api/roles/admin", admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(adminRole.GetProperty("permissions").Strings(), Does.Contain("rooms.archive"));
        var check = await (await Api.GetAsync("/api/auth/has-permission/rooms.archive", admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(check.GetProperty("hasPermission").GetBoolean(), Is.True);
        await (await Api.PostAsync("/api/permissions", new { code = "rooms.archive" }, admin.AccessToken)).ShouldBeProblem(409, "permission_exists");
    }

    [TestCase("Rooms.Archive")]
    [TestCase("rooms..archive")]
    [TestCase("1rooms")]
    [TestCase("")]
    public async Task A_permission_code_outside_the_pattern_is_a_400_on_code(string code)
    {
        var admin = await Api.RegisterAdminAsync("root");

        var problem = await (await Api.PostAsync("/api/permissions", new { code }, admin.AccessToken)).ShouldBeProblem(400, "validation_failed");

        Assert.That(problem.GetProperty("errors").TryGetProperty("code", out _), Is.True);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM permissions"), Is.EqualTo(7));
    }

    [Test]
    public async Task Deleting_a_permission_removes_it_from_every_role_and_revokes_the_holders_tokens()
    {
        var admin = await Api.RegisterAdminAsync("root");
        await Api.RegisterAsync("bob");
        await (await Api.PostAsync("/api/permissions", new { code = "rooms.archive" }, admin.AccessToken)).ShouldHaveStatus(201);
        await (await Api.PostAsync("/api/roles", new { name = "archivist", permissions = new[] { "rooms.archive" } }, admin.AccessToken)).ShouldHaveStatus(201);
        await Admins.GrantRoleAsync("bob", "archivist");
        var bob = await Api.LoginAsync("bob");

        await (await Api.DeleteAsync("/api/permissions/rooms.archive", admin.AccessToken)).ShouldHaveStatus(204);

        await (await Api.GetAsync("/api/auth/protected", bob.AccessToken)).ShouldBeProblem(401, "token_revoked");
        var role = await (await Api.GetAsync("/api/roles/archivist", admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(role.GetProperty("permissions").GetArrayLength(), Is.EqualTo(0));
        var check = await (await Api.GetAsync("/api/auth/has-permission/rooms.archive", admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(check.GetProperty("hasPermission").GetBoolean(), Is.False);
        await (await Api.DeleteAsync("/api/permissions/rooms.archive", admin.AccessToken)).ShouldBeProblem(404, "not_found");
    }

    [Test]
    public async Task System_permissions_cannot_be_deleted()
    {
        var admin = await Api.RegisterAdminAsync("root");

        await (await Api.DeleteAsync("/api/permissions/rooms.create", admin.AccessToken)).ShouldBeProblem(409, "system_permission");

        var user = await (await Api.GetAsync("/api/roles/user", admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(user.GetProperty("permissions").Strings(), Is.EqualTo(new[] { "rooms.create" }));
    }
}
