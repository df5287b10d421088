using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Users;

public sealed class MeTests : ApiTest
{
    [Test]
    public async Task Get_me_returns_the_callers_user_object_in_the_contract_shape()
    {
        await Api.PostAsync("/api/auth/register", new
        {
            username = "alice",
            email = "alice@example.com",
            password = Api.Password,
            confirmPassword = Api.Password,
            firstName = "Alice",
            lastName = "Liddell",
        });
        var alice = await Api.LoginAsync("alice");

        var me = await (await Api.GetAsync("/api/users/me", alice.AccessToken)).ShouldHaveStatus(200);

        var names = me.EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EqualTo(new[] { "createdAt", "email", "emailConfirmed", "firstName", "id", "lastName", "permissions", "roles", "twoFactorEnabled", "username" }));
            Assert.That(me.GetProperty("username").GetString(), Is.EqualTo("alice"));
            Assert.That(me.GetProperty("firstName").GetString(), Is.EqualTo("Alice"));
            Assert.That(me.GetProperty("roles").Strings(), Is.EqualTo(new[] { "user" }));
            Assert.That(me.GetProperty("permissions").Strings(), Is.EqualTo(new[] { "rooms.create" }));
            Assert.That(me.GetProperty("twoFactorEnabled").GetBoolean(), Is.False);
            Assert.That(me.GetProperty("emailConfirmed").GetBoolean(), Is.False);
            Assert.That(me.GetProperty("createdAt").GetString(), Does.EndWith("Z"));
        });
        await (await Api.GetAsync("/api/users/me")).ShouldBeProblem(401, "token_missing");
    }

    [Test]
    public async Task Put_me_changes_the_given_fields_and_ignores_roles_and_permissions_in_the_body()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        var updated = await (await Api.PutAsync(
            "/api/users/me",
            new { username = "alicia", firstName = "Alicia", roles = new[] { "admin" }, permissions = new[] { "users.manage" }, isSystem = true },
            alice.AccessToken)).ShouldHaveStatus(200);

        Assert.Multiple(() =>
        {
            Assert.That(updated.GetProperty("username").GetString(), Is.EqualTo("alicia"));
            Assert.That(updated.GetProperty("firstName").GetString(), Is.EqualTo("Alicia"));
            Assert.That(updated.GetProperty("email").GetString(), Is.EqualTo("alice@example.com"));
            Assert.That(updated.GetProperty("roles").Strings(), Is.EqualTo(new[] { "user" }));
        });
        var relogin = await Api.LoginAsync("alicia");
        await (await Api.GetAsync("/api/auth/has-role/admin", relogin.AccessToken)).ShouldBeProblem(403, "forbidden");
        var manage = await (await Api.GetAsync("/api/auth/has-permission/users.manage", relogin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(manage.GetProperty("hasPermission").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Put_me_with_another_users_username_or_email_is_a_409_naming_the_field()
    {
        await Api.RegisterAsync("bob");
        var alice = await Api.RegisterAndLoginAsync("alice");

        var name = await (await Api.PutAsync("/api/users/me", new { username = "BOB" }, alice.AccessToken)).ShouldBeProblem(409, "username_taken");
        var email = await (await Api.PutAsync("/api/users/me", new { email = "Bob@Example.com", currentPassword = Api.Password }, alice.AccessToken)).ShouldBeProblem(409, "email_taken");

        Assert.That(name.GetProperty("errors").TryGetProperty("username", out _), Is.True);
        Assert.That(email.GetProperty("errors").TryGetProperty("email", out _), Is.True);
        var me = await (await Api.GetAsync("/api/users/me", alice.AccessToken)).ShouldHaveStatus(200);
        Assert.That(me.GetProperty("username").GetString(), Is.EqualTo("alice"));
    }

    [Test]
    public async Task Two_users_taking_one_new_username_at_once_get_one_200_and_one_username_taken()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        var bob = await Api.RegisterAndLoginAsync("bob");

        var responses = await Task.WhenAll(
            Api.PutAsync("/api/users/me", new { username = "carol" }, alice.AccessToken),
            Api.PutAsync("/api/users/me", new { username = "CAROL" }, bob.AccessToken));

        Assert.That(responses.Count(r => (int)r.StatusCode == 200), Is.EqualTo(1), string.Join(",", responses.Select(r => (int)r.StatusCode)));
        await responses.Single(r => (int)r.StatusCode != 200).ShouldBeProblem(409, "username_taken");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM users WHERE \"NormalizedUserName\" = 'CAROL'"), Is.EqualTo(1));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM users WHERE \"UserName\" IN ('alice', 'bob')"), Is.EqualTo(1), "the refused user keeps the old name");
    }

    [Test]
    public async Task Put_me_with_a_bad_username_or_email_is_a_400_naming_each_field()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        var problem = await (await Api.PutAsync("/api/users/me", new { username = "a b", email = "nope" }, alice.AccessToken))
            .ShouldBeProblem(400, "validation_failed");

        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "username", "email" }));
    }

    [Test]
    public async Task Password_change_revokes_the_other_sessions_but_keeps_the_current_one()
    {
        await Api.RegisterAsync("alice");
        var current = await Api.LoginAsync("alice");
        var other = await Api.LoginAsync("alice");

        await (await Api.PutAsync("/api/users/me/password", new { currentPassword = Api.Password, newPassword = "N3wPassword!" }, current.AccessToken))
            .ShouldHaveStatus(204);

        await (await Api.GetAsync("/api/auth/protected", current.AccessToken)).ShouldHaveStatus(200);
        await (await Api.GetAsync("/api/auth/protected", other.AccessToken)).ShouldBeProblem(401, "token_revoked");
        await (await Api.PostAsync("/api/auth/refresh", new { refreshToken = other.RefreshToken })).ShouldBeProblem(401, "token_revoked");
        await Api.RefreshAsync(current.RefreshToken);
        await (await Api.PostAsync("/api/auth/login", new { username = "alice", password = Api.Password })).ShouldBeProblem(401, "invalid_credentials");
        await Api.LoginAsync("alice", "N3wPassword!");
    }

    [Test]
    public async Task Password_change_with_a_wrong_current_password_is_401_and_a_weak_new_one_is_400()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        var wrong = await Api.PutAsync("/api/users/me/password", new { currentPassword = "Wr0ngPassword", newPassword = "N3wPassword!" }, alice.AccessToken);
        await wrong.ShouldBeProblem(401, "invalid_credentials");
        Assert.That(wrong.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"), "every 401 of a protected endpoint challenges");
        var weak = await (await Api.PutAsync("/api/users/me/password", new { currentPassword = Api.Password, newPassword = "short" }, alice.AccessToken))
            .ShouldBeProblem(400, "validation_failed");

        Assert.That(weak.GetProperty("errors").TryGetProperty("newPassword", out _), Is.True);
        await Api.LoginAsync("alice");
    }
}
