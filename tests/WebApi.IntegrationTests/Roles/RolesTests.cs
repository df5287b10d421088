using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Roles;

public sealed class RolesTests : ApiTest
{
    [Test]
    public async Task Admin_creates_a_role_with_permissions_and_can_list_and_fetch_it()
    {
        var admin = await Api.RegisterAdminAsync("root");

        var response = await Api.PostAsync(
            "/api/roles", new { name = "Moderator", description = "Keeps order.", permissions = new[] { "rooms.manage", "messages.moderate" } }, admin.AccessToken);

        var created = await response.ShouldHaveStatus(201);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/api/roles/Moderator"));
            Assert.That(created.GetProperty("name").GetString(), Is.EqualTo("Moderator"));
            Assert.That(created.GetProperty("description").GetString(), Is.EqualTo("Keeps order."));
            Assert.That(created.GetProperty("permissions").Strings(), Is.EqualTo(new[] { "messages.moderate", "rooms.manage" }));
            Assert.That(created.GetProperty("isSystem").GetBoolean(), Is.False);
        });
        var located = await (await Api.GetAsync(response.Headers.Location!.ToString(), admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(located.GetProperty("name").GetString(), Is.EqualTo("Moderator"));
        var fetched = await (await Api.GetAsync("/api/roles/moderator", admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(fetched.GetProperty("name").GetString(), Is.EqualTo("Moderator"));
        var list = await (await Api.GetAsync("/api/roles", admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(list.EnumerateArray().Select(r => r.GetProperty("name").GetString()), Is.EqualTo(new[] { "admin", "Moderator", "user" }));
        var adminRole = list.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "admin");
        Assert.That(adminRole.GetProperty("isSystem").GetBoolean(), Is.True);
        Assert.That(adminRole.GetProperty("permissions").GetArrayLength(), Is.EqualTo(7));
        await (await Api.GetAsync("/api/roles/nobody", admin.AccessToken)).ShouldBeProblem(404, "not_found");
    }

    [Test]
    public async Task Creating_a_role_whose_name_exists_in_any_case_is_409_role_exists()
    {
        var admin = await Api.RegisterAdminAsync("root");
        await (await Api.PostAsync("/api/roles", new { name = "moderator", permissions = Array.Empty<string>() }, admin.AccessToken)).ShouldHaveStatus(201);

        await (await Api.PostAsync("/api/roles", new { name = "MODERATOR", permissions = Array.Empty<string>() }, admin.AccessToken))
            .ShouldBeProblem(409, "role_exists");
        await (await Api.PostAsync("/api/roles", new { name = "Admin", permissions = Array.Empty<string>() }, admin.AccessToken))
            .ShouldBeProblem(409, "role_exists");
    }

    [Test]
    public async Task A_role_can_be_created_with_only_a_name()
    {
        var admin = await Api.RegisterAdminAsync("root");

        var created = await (await Api.PostAsync("/api/roles", new { name = "guests" }, admin.AccessToken)).ShouldHaveStatus(201);

        Assert.That(created.GetProperty("permissions").GetArrayLength(), Is.EqualTo(0));
        Assert.That(created.GetProperty("description").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [TestCase("bad name", "rooms.create", "name")]
    [TestCase("", "rooms.create", "name")]
    [TestCase("sixty-five-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "rooms.create", "name")]
    [TestCase("helpers", "rooms.fly", "permissions")]
    [TestCase("helpers", "Not A Code", "permissions")]
    public async Task Creating_a_role_with_a_bad_name_or_unknown_permission_is_a_400_and_creates_nothing(string name, string permission, string field)
    {
        var admin = await Api.RegisterAdminAsync("root");

        var problem = await (await Api.PostAsync("/api/roles", new { name, permissions = new[] { permission } }, admin.AccessToken))
            .ShouldBeProblem(400, "validation_failed");

        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM roles"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_custom_role_holding_rooms_manage_is_honoured_by_has_permission()
    {
        var admin = await Api.RegisterAdminAsync("root");
        await Api.RegisterAsync("bob");
        var bobId = await Admins.UserIdAsync("bob");
        await (await Api.PostAsync("/api/roles", new { name = "janitor", permissions = new[] { "rooms.manage" } }, admin.AccessToken)).ShouldHaveStatus(201);

        var user = await (await Api.PutAsync($"/api/users/{bobId}/roles", new { roles = new[] { "user", "janitor" } }, admin.AccessToken)).ShouldHaveStatus(200);
        var bob = await Api.LoginAsync("bob");

        Assert.That(user.GetProperty("permissions").Strings(), Is.EqualTo(new[] { "rooms.create", "rooms.manage" }));
        Assert.That(bob.Body.GetProperty("user").GetProperty("roles").Strings(), Is.EqualTo(new[] { "janitor", "user" }));
        var check = await (await Api.GetAsync("/api/auth/has-permission/rooms.manage", bob.AccessToken)).ShouldHaveStatus(200);
        Assert.That(check.GetProperty("hasPermission").GetBoolean(), Is.True);
    }

    [Test]
    public async Task A_role_named_in_mixed_case_grants_its_permissions_and_is_found_in_any_case()
    {
        var admin = await Api.RegisterAdminAsync("root");
        var alice = await Api.RegisterAndLoginAsync("alice");
        await (await Api.PostAsync("/api/rooms", new { name = "general" }, alice.AccessToken)).ShouldHaveStatus(201);
        await Api.RegisterAsync("bob");
        var bobId = await Admins.UserIdAsync("bob");
        await (await Api.PostAsync("/api/roles", new { name = "Janitor", permissions = new[] { "rooms.manage" } }, admin.AccessToken)).ShouldHaveStatus(201);
        await (await Api.PutAsync($"/api/users/{bobId}/roles", new { roles = new[] { "user", "JANITOR" } }, admin.AccessToken)).ShouldHaveStatus(200);
        var bob = await Api.LoginAsync("bob");

        var check = await (await Api.GetAsync("/api/auth/has-permission/rooms.manage", bob.AccessToken)).ShouldHaveStatus(200);
        var role = await (await Api.GetAsync("/api/auth/has-role/janitor", bob.AccessToken)).ShouldHaveStatus(200);

        Assert.That(bob.Body.GetProperty("user").GetProperty("roles").Strings(), Is.EqualTo(new[] { "Janitor", "user" }));
        Assert.That(check.GetProperty("hasPermission").GetBoolean(), Is.True);
        Assert.That(role.GetProperty("hasRole").GetBoolean(), Is.True);
        await (await Api.DeleteAsync("/api/rooms/general", bob.AccessToken)).ShouldHaveStatus(204);
    }

    [Test]
    public async Task Shrinking_a_roles_permissions_revokes_its_holders_tokens_and_growing_it_does_not()
    {
        var admin = await Api.RegisterAdminAsync("root");
        await Api.RegisterAsync("bob");
        await (await Api.PostAsync("/api/roles", new { name = "janitor", permissions = new[] { "rooms.manage" } }, admin.AccessToken)).ShouldHaveStatus(201);
        await Admins.GrantRoleAsync("bob", "janitor");
        var bob = await Api.LoginAsync("bob");

        var grown = await (await Api.PutAsync(
            "/api/roles/janitor", new { description = "Cleans up.", permissions = new[] { "rooms.manage", "messages.moderate" } }, admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(grown.GetProperty("description").GetString(), Is.EqualTo("Cleans up."));
        var moderate = await (await Api.GetAsync("/api/auth/has-permission/messages.moderate", bob.AccessToken)).ShouldHaveStatus(200);
        Assert.That(moderate.GetProperty("hasPermission").GetBoolean(), Is.True);

        var shrunk = await (await Api.PutAsync("/api/roles/janitor", new { permissions = new[] { "messages.moderate" } }, admin.AccessToken)).ShouldHaveStatus(200);

        Assert.That(shrunk.GetProperty("permissions").Strings(), Is.EqualTo(new[] { "messages.moderate" }));
        await (await Api.GetAsync("/api/auth/protected", bob.AccessToken)).ShouldBeProblem(401, "token_revoked");
        var again = await Api.LoginAsync("bob");
        var manage = await (await Api.GetAsync("/api/auth/has-permission/rooms.manage", again.AccessToken)).ShouldHaveStatus(200);
        Assert.That(manage.GetProperty("hasPermission").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Shrinking_a_role_revokes_every_session_of_every_holder_and_nobody_elses()
    {
        var admin = await Api.RegisterAdminAsync("root");
        await (await Api.PostAsync("/api/roles", new { name = "janitor", permissions = new[] { "rooms.manage" } }, admin.AccessToken)).ShouldHaveStatus(201);
        var holders = new List<TokenPair>();
        foreach (var name in new[] { "bob", "carol" })
        {
            await Api.RegisterAsync(name);
            await Admins.GrantRoleAsync(name, "janitor");
            holders.Add(await Api.LoginAsync(name));
            holders.Add(await Api.LoginAsync(name));
        }

        var bystander = await Api.RegisterAndLoginAsync("dave");

        await (await Api.PutAsync("/api/roles/janitor", new { description = "Fewer rights.", permissions = Array.Empty<string>() }, admin.AccessToken)).ShouldHaveStatus(200);

        foreach (var holder in holders)
        {
            await (await Api.GetAsync("/api/auth/protected", holder.AccessToken)).ShouldBeProblem(401, "token_revoked");
            await (await Api.PostAsync("/api/auth/refresh", new { refreshToken = holder.RefreshToken })).ShouldBeProblem(401, "token_revoked");
        }

        await (await Api.GetAsync("/api/auth/protected", bystander.AccessToken)).ShouldHaveStatus(200);
        await (await Api.GetAsync("/api/auth/protected", admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM sessions WHERE \"RevokedReason\" = 'roles_changed'"), Is.EqualTo(4));
    }

    [Test]
    public async Task Updating_a_role_with_an_unknown_permission_is_a_400_and_an_unknown_role_a_404()
    {
        var admin = await Api.RegisterAdminAsync("root");

        var problem = await (await Api.PutAsync("/api/roles/user", new { permissions = new[] { "rooms.fly" } }, admin.AccessToken))
            .ShouldBeProblem(400, "validation_failed");

        Assert.That(problem.GetProperty("errors").TryGetProperty("permissions", out _), Is.True);
        await (await Api.PutAsync("/api/roles/nobody", new { permissions = Array.Empty<string>() }, admin.AccessToken)).ShouldBeProblem(404, "not_found");
        var user = await (await Api.GetAsync("/api/roles/user", admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(user.GetProperty("permissions").Strings(), Is.EqualTo(new[] { "rooms.create" }));
    }

    [Test]
    public async Task Shrinking_the_admin_role_is_409_system_role()
    {
        var admin = await Api.RegisterAdminAsync("root");

        await (await Api.PutAsync("/api/roles/admin", new { permissions = new[] { "users.read" } }, admin.AccessToken)).ShouldBeProblem(409, "system_role");

        var role = await (await Api.GetAsync("/api/roles/admin", admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(role.GetProperty("permissions").GetArrayLength(), Is.EqualTo(7));
        await (await Api.GetAsync("/api/auth/protected", admin.AccessToken)).ShouldHaveStatus(200);
    }

    [Test]
    public async Task Deleting_a_role_takes_it_from_its_holders_and_revokes_their_tokens()
    {
        var admin = await Api.RegisterAdminAsync("root");
        await Api.RegisterAsync("bob");
        await (await Api.PostAsync("/api/roles", new { name = "janitor", permissions = new[] { "rooms.manage" } }, admin.AccessToken)).ShouldHaveStatus(201);
        await Admins.GrantRoleAsync("bob", "janitor");
        var bob = await Api.LoginAsync("bob");

        await (await Api.DeleteAsync("/api/roles/janitor", admin.AccessToken)).ShouldHaveStatus(204);

        await (await Api.GetAsync("/api/auth/protected", bob.AccessToken)).ShouldBeProblem(401, "token_revoked");
        var again = await Api.LoginAsync("bob");
        Assert.That(again.Body.GetProperty("user").GetProperty("roles").Strings(), Is.EqualTo(new[] { "user" }));
        await (await Api.GetAsync("/api/roles/janitor", admin.AccessToken)).ShouldBeProblem(404, "not_found");
        await (await Api.DeleteAsync("/api/roles/janitor", admin.AccessToken)).ShouldBeProblem(404, "not_found");
    }

    [TestCase("admin")]
    [TestCase("user")]
    [TestCase("USER")]
    public async Task System_roles_cannot_be_deleted(string name)
    {
        var admin = await Api.RegisterAdminAsync("root");

        await (await Api.DeleteAsync($"/api/roles/{name}", admin.AccessToken)).ShouldBeProblem(409, "system_role");

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM roles"), Is.EqualTo(2));
    }
}
