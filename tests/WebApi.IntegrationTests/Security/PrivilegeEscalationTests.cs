using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Security;

/// <summary>No one grants what they do not hold: each path the attack report used is now 403 and changes nothing.</summary>
public sealed class PrivilegeEscalationTests : ApiTest
{
    private TokenPair _root = null!;

    [SetUp]
    public async Task CreateAdminAsync() => _root = await Api.RegisterAdminAsync("root");

    /// <summary>Registers the user with one custom role holding these permissions, and logs them in.</summary>
    private async Task<TokenPair> HolderOfAsync(string username, params string[] permissions)
    {
        var role = username + "-role";
        await (await Api.PostAsync("/api/roles", new { name = role, permissions }, _root.AccessToken)).ShouldHaveStatus(201);
        var user = await Api.RegisterAsync(username);
        await (await Api.PutAsync($"/api/users/{user.GetProperty("id").GetString()}/roles", new { roles = new[] { "user", role } }, _root.AccessToken))
            .ShouldHaveStatus(200);
        return await Api.LoginAsync(username);
    }

    private static Task<long> RoleCountOfAsync(string username) =>
        Database.ScalarAsync<long>(
            """SELECT count(*) FROM user_roles ur JOIN users u ON u."Id" = ur."UserId" WHERE u."UserName" = @name""", ("name", username));

    private static Task<string> PermissionsOfRoleAsync(string role) =>
        Database.ScalarAsync<string>(
            """
            SELECT coalesce(string_agg(p."Code", ',' ORDER BY p."Code"), '') FROM roles r
            LEFT JOIN role_permissions rp ON rp."RoleId" = r."Id" LEFT JOIN permissions p ON p."Code" = rp."PermissionCode"
            WHERE r."Name" = @role
            """,
            ("role", role));

    [Test]
    public async Task A_holder_of_users_manage_cannot_make_itself_admin()
    {
        var mallory = await HolderOfAsync("mallory", "users.manage", "users.read");
        var id = await Admins.UserIdAsync("mallory");

        var response = await Api.PutAsync($"/api/users/{id}/roles", new { roles = new[] { "user", "mallory-role", "admin" } }, mallory.AccessToken);

        await response.ShouldBeProblem(403, "forbidden");
        Assert.That(await RoleCountOfAsync("mallory"), Is.EqualTo(2));
        var hasAdmin = await (await Api.GetAsync("/api/auth/has-role/admin", mallory.AccessToken)).ShouldHaveStatus(403);
        Assert.That(hasAdmin.GetProperty("hasRole").GetBoolean(), Is.False);
    }

    [Test]
    public async Task A_holder_of_users_manage_cannot_give_a_role_with_permissions_it_lacks()
    {
        var mallory = await HolderOfAsync("mallory", "users.manage");
        await (await Api.PostAsync("/api/roles", new { name = "auditors", permissions = new[] { "messages.moderate" } }, _root.AccessToken)).ShouldHaveStatus(201);
        var bob = await Api.RegisterAsync("bob");

        var response = await Api.PutAsync($"/api/users/{bob.GetProperty("id").GetString()}/roles", new { roles = new[] { "user", "auditors" } }, mallory.AccessToken);

        await response.ShouldBeProblem(403, "forbidden");
        Assert.That(await RoleCountOfAsync("bob"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_holder_of_users_manage_cannot_take_admin_away_from_an_admin()
    {
        await Api.RegisterAdminAsync("second");
        var mallory = await HolderOfAsync("mallory", "users.manage");
        var second = await Admins.UserIdAsync("second");

        var response = await Api.PutAsync($"/api/users/{second}/roles", new { roles = new[] { "user" } }, mallory.AccessToken);

        await response.ShouldBeProblem(403, "forbidden");
        Assert.That(await RoleCountOfAsync("second"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_holder_of_users_manage_may_give_a_role_whose_permissions_it_holds()
    {
        var mallory = await HolderOfAsync("mallory", "users.manage", "rooms.manage");
        await (await Api.PostAsync("/api/roles", new { name = "janitors", permissions = new[] { "rooms.manage" } }, _root.AccessToken)).ShouldHaveStatus(201);
        var bob = await Api.RegisterAsync("bob");

        var response = await Api.PutAsync($"/api/users/{bob.GetProperty("id").GetString()}/roles", new { roles = new[] { "user", "janitors" } }, mallory.AccessToken);

        var user = await response.ShouldHaveStatus(200);
        Assert.That(user.GetProperty("roles").Strings(), Does.Contain("janitors"));
    }

    [TestCase("lock")]
    [TestCase("unlock")]
    public async Task Locking_or_unlocking_an_admin_needs_the_caller_to_be_an_admin(string action)
    {
        await Api.RegisterAdminAsync("second");
        var mallory = await HolderOfAsync("mallory", "users.manage");
        var second = await Admins.UserIdAsync("second");

        await (await Api.PostAsync($"/api/users/{second}/{action}", null, mallory.AccessToken)).ShouldBeProblem(403, "forbidden");

        Assert.That(await Database.ScalarAsync<bool>("""SELECT "IsLocked" FROM users WHERE "Id" = @id""", ("id", second)), Is.False);
        await Api.LoginAsync("second");
    }

    [Test]
    public async Task A_holder_of_users_manage_still_locks_an_ordinary_user()
    {
        var mallory = await HolderOfAsync("mallory", "users.manage");
        var bob = await Api.RegisterAsync("bob");

        await (await Api.PostAsync($"/api/users/{bob.GetProperty("id").GetString()}/lock", null, mallory.AccessToken)).ShouldHaveStatus(204);
    }

    [Test]
    public async Task A_holder_of_roles_manage_cannot_add_a_permission_it_lacks_to_its_own_role()
    {
        var mallory = await HolderOfAsync("mallory", "roles.manage");

        var response = await Api.PutAsync(
            "/api/roles/mallory-role", new { permissions = new[] { "roles.manage", "users.manage" } }, mallory.AccessToken);

        await response.ShouldBeProblem(403, "forbidden");
        Assert.That(await PermissionsOfRoleAsync("mallory-role"), Is.EqualTo("roles.manage"));
    }

    [Test]
    public async Task A_holder_of_roles_manage_cannot_take_away_a_permission_it_lacks()
    {
        var mallory = await HolderOfAsync("mallory", "roles.manage");
        await (await Api.PostAsync("/api/roles", new { name = "auditors", permissions = new[] { "messages.moderate" } }, _root.AccessToken)).ShouldHaveStatus(201);

        await (await Api.PutAsync("/api/roles/auditors", new { permissions = Array.Empty<string>() }, mallory.AccessToken)).ShouldBeProblem(403, "forbidden");
        await (await Api.DeleteAsync("/api/roles/auditors", mallory.AccessToken)).ShouldBeProblem(403, "forbidden");

        Assert.That(await PermissionsOfRoleAsync("auditors"), Is.EqualTo("messages.moderate"));
    }

    [Test]
    public async Task A_holder_of_roles_manage_cannot_create_a_role_with_a_permission_it_lacks()
    {
        var mallory = await HolderOfAsync("mallory", "roles.manage");

        var response = await Api.PostAsync("/api/roles", new { name = "escalate", permissions = new[] { "users.manage" } }, mallory.AccessToken);

        await response.ShouldBeProblem(403, "forbidden");
        Assert.That(await Database.ScalarAsync<long>("""SELECT count(*) FROM roles WHERE "Name" = 'escalate'"""), Is.EqualTo(0));
    }

    [Test]
    public async Task A_holder_of_roles_manage_cannot_change_the_user_role_that_every_account_holds()
    {
        var mallory = await HolderOfAsync("mallory", "roles.manage", "rooms.create");

        var response = await Api.PutAsync("/api/roles/user", new { permissions = new[] { "rooms.create", "roles.manage" } }, mallory.AccessToken);

        await response.ShouldBeProblem(403, "forbidden");
        Assert.That(await PermissionsOfRoleAsync("user"), Is.EqualTo("rooms.create"));
        var bob = await Api.RegisterAndLoginAsync("bob");
        await (await Api.GetAsync("/api/roles", bob.AccessToken)).ShouldBeProblem(403, "forbidden");
    }

    [Test]
    public async Task An_admin_may_change_the_user_role()
    {
        var response = await Api.PutAsync("/api/roles/user", new { description = "Everyone.", permissions = new[] { "rooms.create" } }, _root.AccessToken);

        await response.ShouldHaveStatus(200);
    }

    [Test]
    public async Task A_holder_of_roles_manage_cannot_delete_a_permission_it_lacks()
    {
        await (await Api.PostAsync("/api/permissions", new { code = "reports.read" }, _root.AccessToken)).ShouldHaveStatus(201);
        var mallory = await HolderOfAsync("mallory", "roles.manage");

        await (await Api.DeleteAsync("/api/permissions/reports.read", mallory.AccessToken)).ShouldBeProblem(403, "forbidden");

        Assert.That(await Database.ScalarAsync<long>("""SELECT count(*) FROM permissions WHERE "Code" = 'reports.read'"""), Is.EqualTo(1));
    }
}
