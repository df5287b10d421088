using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Auth;

public sealed class RoleAndPermissionCheckTests : ApiTest
{
    [Test]
    public async Task Has_role_answers_200_for_a_held_role_and_a_403_problem_that_says_so_otherwise()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        var held = await (await Api.GetAsync("/api/auth/has-role/user", alice.AccessToken)).ShouldHaveStatus(200);
        var missing = await (await Api.GetAsync("/api/auth/has-role/admin", alice.AccessToken)).ShouldBeProblem(403, "forbidden");

        Assert.That(held.GetProperty("role").GetString(), Is.EqualTo("user"));
        Assert.That(held.GetProperty("hasRole").GetBoolean(), Is.True);
        Assert.That(missing.GetProperty("role").GetString(), Is.EqualTo("admin"));
        Assert.That(missing.GetProperty("hasRole").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Has_role_with_a_blank_role_is_a_403_problem_not_an_error()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        var problem = await (await Api.GetAsync("/api/auth/has-role/%20", alice.AccessToken)).ShouldBeProblem(403, "forbidden");

        Assert.That(problem.GetProperty("hasRole").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Has_permission_follows_the_roles_permissions_and_admin_has_all()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await (await Api.GetAsync("/api/auth/has-permission/rooms.create")).ShouldBeProblem(401, "token_missing");

        var granted = await (await Api.GetAsync("/api/auth/has-permission/rooms.create", alice.AccessToken)).ShouldHaveStatus(200);
        var denied = await (await Api.GetAsync("/api/auth/has-permission/users.manage", alice.AccessToken)).ShouldHaveStatus(200);

        Assert.That(granted.GetProperty("permission").GetString(), Is.EqualTo("rooms.create"));
        Assert.That(granted.GetProperty("hasPermission").GetBoolean(), Is.True);
        Assert.That(denied.GetProperty("hasPermission").GetBoolean(), Is.False);

        await Database.ScalarAsync<int>(
            """
            INSERT INTO user_roles ("UserId", "RoleId")
            SELECT u."Id", r."Id" FROM users u, roles r WHERE u."UserName" = 'alice' AND r."Name" = 'admin';
            SELECT 1;
            """);
        var admin = await Api.RefreshAsync(alice.RefreshToken);
        var all = await (await Api.GetAsync("/api/auth/has-permission/users.manage", admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(all.GetProperty("hasPermission").GetBoolean(), Is.True);
    }
}
