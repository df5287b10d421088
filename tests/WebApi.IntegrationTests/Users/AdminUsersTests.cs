using System.Net;
using ChatPlatform.WebApi.IntegrationTests.Support;
using Npgsql;

namespace ChatPlatform.WebApi.IntegrationTests.Users;

public sealed class AdminUsersTests : ApiTest
{
    private const string SomeId = "0193a0e0-0000-7000-8000-000000000001";

    private static readonly object[] AdminEndpoints =
    [
        new object[] { "GET", "/api/users" },
        new object[] { "GET", $"/api/users/{SomeId}" },
        new object[] { "PUT", $"/api/users/{SomeId}/roles" },
        new object[] { "POST", $"/api/users/{SomeId}/lock" },
        new object[] { "POST", $"/api/users/{SomeId}/unlock" },
        new object[] { "GET", $"/api/users/{SomeId}/sessions" },
        new object[] { "POST", $"/api/users/{SomeId}/logout" },
        new object[] { "POST", $"/api/users/{SomeId}/2fa/reset" },
        new object[] { "GET", "/api/audit" },
        new object[] { "GET", "/api/roles" },
        new object[] { "POST", "/api/roles" },
        new object[] { "GET", "/api/roles/user" },
        new object[] { "PUT", "/api/roles/user" },
        new object[] { "DELETE", "/api/roles/user" },
        new object[] { "GET", "/api/permissions" },
        new object[] { "POST", "/api/permissions" },
        new object[] { "DELETE", "/api/permissions/rooms.create" },
    ];

    [TestCaseSource(nameof(AdminEndpoints))]
    public async Task A_regular_user_gets_403_forbidden_on_every_admin_endpoint(string method, string path)
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        var body = method is "PUT" or "POST" ? new { roles = new[] { "admin" }, name = "x", code = "x.y", permissions = Array.Empty<string>() } : null;

        var response = await Api.SendAsync(new HttpMethod(method), path, body, alice.AccessToken);

        await response.ShouldBeProblem(403, "forbidden");
        var roles = await Database.ScalarAsync<long>("""SELECT count(*) FROM roles""");
        Assert.That(roles, Is.EqualTo(2));
    }

    [Test]
    public async Task Admin_lists_users_in_pages_with_search_on_username_or_email_ignoring_case()
    {
        var admin = await Api.RegisterAdminAsync("root");
        foreach (var name in new[] { "alice", "bob", "carol" })
        {
            await Api.RegisterAsync(name, $"{name}@Example.com");
        }

        await Api.RegisterAsync("dave", "ALICE.backup@mail.test");

        var page = await (await Api.GetAsync("/api/users?page=2&pageSize=2", admin.AccessToken)).ShouldHaveStatus(200);
        var found = await (await Api.GetAsync("/api/users?search=ALIce", admin.AccessToken)).ShouldHaveStatus(200);
        var byDefault = await (await Api.GetAsync("/api/users", admin.AccessToken)).ShouldHaveStatus(200);

        Assert.Multiple(() =>
        {
            Assert.That(page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("username").GetString()), Is.EqualTo(new[] { "carol", "dave" }));
            Assert.That(page.GetProperty("page").GetInt32(), Is.EqualTo(2));
            Assert.That(page.GetProperty("pageSize").GetInt32(), Is.EqualTo(2));
            Assert.That(page.GetProperty("totalCount").GetInt32(), Is.EqualTo(5));
            Assert.That(page.GetProperty("totalPages").GetInt32(), Is.EqualTo(3));
            Assert.That(found.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("username").GetString()), Is.EqualTo(new[] { "alice", "dave" }));
            Assert.That(found.GetProperty("totalCount").GetInt32(), Is.EqualTo(2));
            Assert.That(byDefault.GetProperty("page").GetInt32(), Is.EqualTo(1));
            Assert.That(byDefault.GetProperty("pageSize").GetInt32(), Is.EqualTo(20));
            Assert.That(byDefault.GetProperty("items").GetArrayLength(), Is.EqualTo(5));
        });
    }

    [TestCase("page=0", "page")]
    [TestCase("page=-1", "page")]
    [TestCase("page=abc", "page")]
    [TestCase("pageSize=0", "pageSize")]
    [TestCase("pageSize=101", "pageSize")]
    public async Task Out_of_range_paging_is_a_400_naming_the_parameter(string query, string field)
    {
        var admin = await Api.RegisterAdminAsync("root");

        var problem = await (await Api.GetAsync($"/api/users?{query}", admin.AccessToken)).ShouldBeProblem(400, "validation_failed");

        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task Get_user_by_id_returns_the_user_and_404_for_an_unknown_or_non_guid_id()
    {
        var admin = await Api.RegisterAdminAsync("root");
        var bob = await Api.RegisterAsync("bob");

        var found = await (await Api.GetAsync($"/api/users/{bob.GetProperty("id").GetString()}", admin.AccessToken)).ShouldHaveStatus(200);

        Assert.That(found.GetProperty("username").GetString(), Is.EqualTo("bob"));
        await (await Api.GetAsync($"/api/users/{SomeId}", admin.AccessToken)).ShouldBeProblem(404, "not_found");
        await (await Api.GetAsync("/api/users/not-a-guid", admin.AccessToken)).ShouldBeProblem(404, "not_found");
    }

    [Test]
    public async Task Role_removal_makes_the_old_token_fail_on_the_very_next_request_and_a_new_login_carries_the_new_roles()
    {
        var admin = await Api.RegisterAdminAsync("root");
        await Api.RegisterAsync("bob");
        await Admins.GrantRoleAsync("bob", "admin");
        var bob = await Api.LoginAsync("bob");
        var bobId = await Admins.UserIdAsync("bob");
        await (await Api.GetAsync("/api/users", bob.AccessToken)).ShouldHaveStatus(200);

        var updated = await (await Api.PutAsync($"/api/users/{bobId}/roles", new { roles = new[] { "user" } }, admin.AccessToken)).ShouldHaveStatus(200);

        Assert.That(updated.GetProperty("roles").Strings(), Is.EqualTo(new[] { "user" }));
        Assert.That(updated.GetProperty("permissions").Strings(), Is.EqualTo(new[] { "rooms.create" }));
        await (await Api.GetAsync("/api/users", bob.AccessToken)).ShouldBeProblem(401, "token_revoked");
        await (await Api.PostAsync("/api/auth/refresh", new { refreshToken = bob.RefreshToken })).ShouldBeProblem(401, "token_revoked");
        var again = await Api.LoginAsync("bob");
        Assert.That(again.Body.GetProperty("user").GetProperty("roles").Strings(), Is.EqualTo(new[] { "user" }));
        await (await Api.GetAsync("/api/users", again.AccessToken)).ShouldBeProblem(403, "forbidden");
        await (await Api.GetAsync("/api/auth/protected", admin.AccessToken)).ShouldHaveStatus(200);
    }

    [Test]
    public async Task The_user_whose_roles_change_is_the_one_in_the_route_whatever_the_body_names()
    {
        var admin = await Api.RegisterAdminAsync("root");
        await Api.RegisterAsync("bob");
        await Api.RegisterAsync("carol");
        var bobId = await Admins.UserIdAsync("bob");
        var carolId = await Admins.UserIdAsync("carol");
        await (await Api.PostAsync("/api/roles", new { name = "support", description = "helps", permissions = new[] { "users.read" } }, admin.AccessToken))
            .ShouldHaveStatus(201);

        var updated = await (await Api.PutAsync($"/api/users/{bobId}/roles", new { userId = carolId, roles = new[] { "user", "support" } }, admin.AccessToken))
            .ShouldHaveStatus(200);
        await (await Api.PutAsync("/api/roles/support", new { name = "user", description = "still helps", permissions = new[] { "users.read" } }, admin.AccessToken))
            .ShouldHaveStatus(200);

        Assert.That(updated.GetProperty("id").GetString(), Is.EqualTo(bobId.ToString()));
        var carol = await (await Api.GetAsync($"/api/users/{carolId}", admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(carol.GetProperty("roles").Strings(), Is.EqualTo(new[] { "user" }), "the body's userId changed nobody");
        var user = await (await Api.GetAsync("/api/roles/user", admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(user.GetProperty("description").GetString(), Is.Not.EqualTo("still helps"), "the body's name changed no other role");
    }

    [Test]
    public async Task Setting_an_unknown_role_is_a_400_on_roles_and_changes_nothing()
    {
        var admin = await Api.RegisterAdminAsync("root");
        await Api.RegisterAsync("bob");
        var bob = await Api.LoginAsync("bob");
        var bobId = await Admins.UserIdAsync("bob");

        var problem = await (await Api.PutAsync($"/api/users/{bobId}/roles", new { roles = new[] { "user", "wizard" } }, admin.AccessToken))
            .ShouldBeProblem(400, "validation_failed");

        Assert.That(problem.GetProperty("errors").TryGetProperty("roles", out _), Is.True);
        await (await Api.GetAsync("/api/auth/protected", bob.AccessToken)).ShouldHaveStatus(200);
        await (await Api.PutAsync($"/api/users/{SomeId}/roles", new { roles = new[] { "user" } }, admin.AccessToken)).ShouldBeProblem(404, "not_found");
    }

    [Test]
    public async Task Removing_admin_from_the_last_unlocked_admin_is_409_last_admin()
    {
        var admin = await Api.RegisterAdminAsync("root");
        var rootId = await Admins.UserIdAsync("root");

        await (await Api.PutAsync($"/api/users/{rootId}/roles", new { roles = new[] { "user" } }, admin.AccessToken)).ShouldBeProblem(409, "last_admin");

        var roles = await Database.ScalarAsync<long>(
            """SELECT count(*) FROM user_roles ur JOIN roles r ON r."Id" = ur."RoleId" WHERE r."Name" = 'admin'""");
        Assert.That(roles, Is.EqualTo(1));
        await (await Api.GetAsync("/api/auth/protected", admin.AccessToken)).ShouldHaveStatus(200);
    }

    [Test]
    public async Task Two_admins_demoting_themselves_at_once_leave_exactly_one_admin()
    {
        for (var round = 0; round < 3; round++)
        {
            await Factory.ResetAsync();
            var first = await Api.RegisterAdminAsync("first");
            var second = await Api.RegisterAdminAsync("second");
            var firstId = await Admins.UserIdAsync("first");
            var secondId = await Admins.UserIdAsync("second");

            var responses = await Task.WhenAll(
                Api.PutAsync($"/api/users/{firstId}/roles", new { roles = new[] { "user" } }, first.AccessToken),
                Api.PutAsync($"/api/users/{secondId}/roles", new { roles = new[] { "user" } }, second.AccessToken));

            var statuses = responses.Select(r => (int)r.StatusCode).Order().ToList();
            Assert.That(statuses, Is.EqualTo(new[] { 200, 409 }), $"round {round}");
            await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeProblem(409, "last_admin");
            var admins = await Database.ScalarAsync<long>(
                """SELECT count(*) FROM user_roles ur JOIN roles r ON r."Id" = ur."RoleId" WHERE r."Name" = 'admin'""");
            Assert.That(admins, Is.EqualTo(1), $"round {round}");
        }
    }

    [Test]
    public async Task Locking_revokes_the_users_tokens_refuses_their_login_with_403_and_unlocking_restores_it()
    {
        var admin = await Api.RegisterAdminAsync("root");
        await Api.RegisterAsync("bob");
        var bob = await Api.LoginAsync("bob");
        var bobId = await Admins.UserIdAsync("bob");

        await (await Api.PostAsync($"/api/users/{bobId}/lock", null, admin.AccessToken)).ShouldHaveStatus(204);

        await (await Api.GetAsync("/api/auth/protected", bob.AccessToken)).ShouldBeProblem(401, "token_revoked");
        await (await Api.PostAsync("/api/auth/refresh", new { refreshToken = bob.RefreshToken })).ShouldBeProblem(401, "token_revoked");
        await (await Api.PostAsync("/api/auth/login", new { username = "bob", password = Api.Password })).ShouldBeProblem(403, "account_locked");
        await (await Api.PostAsync("/api/auth/login", new { username = "bob", password = "Wr0ngPassword" })).ShouldBeProblem(401, "invalid_credentials");

        await (await Api.PostAsync($"/api/users/{bobId}/unlock", null, admin.AccessToken)).ShouldHaveStatus(204);
        await Api.LoginAsync("bob");
        await (await Api.PostAsync($"/api/users/{SomeId}/lock", null, admin.AccessToken)).ShouldBeProblem(404, "not_found");
    }

    [Test]
    public async Task Locking_waits_for_a_concurrent_change_of_the_user_and_keeps_it()
    {
        var admin = await Api.RegisterAdminAsync("root");
        await Api.RegisterAsync("bob");
        var bobId = await Admins.UserIdAsync("bob");

        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("""SELECT 1 FROM users WHERE "Id" = @id FOR UPDATE""", connection, transaction))
        {
            hold.Parameters.AddWithValue("id", bobId);
            await hold.ExecuteScalarAsync();
        }

        var locking = Api.PostAsync($"/api/users/{bobId}/lock", null, admin.AccessToken);
        await WaitUntilAnotherSessionWaitsForALockAsync(connection.ProcessID);
        await using (var change = new NpgsqlCommand("""UPDATE users SET "FirstName" = 'Robert' WHERE "Id" = @id""", connection, transaction))
        {
            change.Parameters.AddWithValue("id", bobId);
            await change.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();

        await (await locking).ShouldHaveStatus(204);
        var bob = await (await Api.GetAsync($"/api/users/{bobId}", admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(bob.GetProperty("firstName").GetString(), Is.EqualTo("Robert"));
        await (await Api.PostAsync("/api/auth/login", new { username = "bob", password = Api.Password })).ShouldBeProblem(403, "account_locked");
    }

    [Test]
    public async Task Locking_the_last_unlocked_admin_is_409_last_admin_but_another_admin_can_be_locked()
    {
        var admin = await Api.RegisterAdminAsync("root");
        var rootId = await Admins.UserIdAsync("root");
        await Api.RegisterAsync("second");
        await Admins.GrantRoleAsync("second", "admin");
        var secondId = await Admins.UserIdAsync("second");

        await (await Api.PostAsync($"/api/users/{secondId}/lock", null, admin.AccessToken)).ShouldHaveStatus(204);
        await (await Api.PostAsync($"/api/users/{rootId}/lock", null, admin.AccessToken)).ShouldBeProblem(409, "last_admin");

        await (await Api.GetAsync("/api/auth/protected", admin.AccessToken)).ShouldHaveStatus(200);
    }

    /// <summary>The race is real only once the lock request is blocked behind this test's row lock.</summary>
    private static Task WaitUntilAnotherSessionWaitsForALockAsync(int holder) =>
        Eventually.HoldsAsync(
            async () => await Database.ScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND @holder = ANY(pg_blocking_pids(pid))",
                ("holder", holder)) > 0,
            TimeSpan.FromSeconds(10),
            "the lock request waits for the row");
}
