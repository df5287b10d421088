using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Auth;

public sealed class RegisterTests : ApiTest
{
    [Test]
    public async Task Registering_creates_a_user_with_the_default_role_only()
    {
        var response = await Api.PostAsync("/api/auth/register", new
        {
            username = "alice",
            email = "Alice@Example.com",
            password = Api.Password,
            confirmPassword = Api.Password,
            firstName = "Alice",
            lastName = "Liddell",
            role = "admin",
            roles = new[] { "admin" },
            permissions = new[] { "users.manage" },
        });

        var user = await response.ShouldHaveStatus(201);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/users/{user.GetProperty("id").GetString()}"));
            Assert.That(user.GetProperty("username").GetString(), Is.EqualTo("alice"));
            Assert.That(user.GetProperty("email").GetString(), Is.EqualTo("Alice@Example.com"));
            Assert.That(user.GetProperty("firstName").GetString(), Is.EqualTo("Alice"));
            Assert.That(user.GetProperty("lastName").GetString(), Is.EqualTo("Liddell"));
            Assert.That(user.GetProperty("roles").Strings(), Is.EqualTo(new[] { "user" }));
            Assert.That(user.GetProperty("permissions").Strings(), Is.EqualTo(new[] { "rooms.create" }));
            Assert.That(user.GetProperty("twoFactorEnabled").GetBoolean(), Is.False);
            Assert.That(user.GetProperty("createdAt").GetString(), Does.EndWith("Z"));
        });
        var admin = await Api.RegisterAdminAsync("root");
        var located = await (await Api.GetAsync(response.Headers.Location!.ToString(), admin.AccessToken)).ShouldHaveStatus(200);
        Assert.That(located.GetProperty("id").GetString(), Is.EqualTo(user.GetProperty("id").GetString()));
    }

    [Test]
    public async Task The_password_is_stored_only_as_an_identity_hash()
    {
        await Api.RegisterAsync("alice");

        var hash = await Database.ScalarAsync<string>("SELECT \"PasswordHash\" FROM users WHERE \"UserName\" = 'alice'");

        Assert.That(hash, Does.Not.Contain(Api.Password));
        Assert.That(Convert.FromBase64String(hash)[0], Is.EqualTo(0x01), "Identity v3 hash format");
    }

    [TestCase("al", "al@example.com", "Passw0rd!", "Passw0rd!", "username")]
    [TestCase("has space", "space@example.com", "Passw0rd!", "Passw0rd!", "username")]
    [TestCase("thirty-three-characters-long-name", "long@example.com", "Passw0rd!", "Passw0rd!", "username")]
    [TestCase("alice", "not-an-email", "Passw0rd!", "Passw0rd!", "email")]
    [TestCase("alice", "alice@example.com", "short1", "short1", "password")]
    [TestCase("alice", "alice@example.com", "onlyletters", "onlyletters", "password")]
    [TestCase("alice", "alice@example.com", "Passw0rd!", "Different1!", "confirmPassword")]
    public async Task Invalid_registrations_are_refused_field_by_field(string username, string email, string password, string confirm, string field)
    {
        var response = await Api.PostAsync("/api/auth/register", new { username, email, password, confirmPassword = confirm });

        var problem = await response.ShouldBeProblem(400, "validation_failed");
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM users"), Is.Zero);
    }

    [Test]
    public async Task A_missing_body_field_is_a_validation_failure_naming_it()
    {
        var response = await Api.PostAsync("/api/auth/register", new { username = "alice" });

        var problem = await response.ShouldBeProblem(400, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.That(errors.TryGetProperty("email", out _) && errors.TryGetProperty("password", out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task A_taken_username_is_a_conflict_naming_the_field()
    {
        await Api.RegisterAsync("alice");

        var response = await Api.PostAsync("/api/auth/register", new
        {
            username = "ALICE",
            email = "other@example.com",
            password = Api.Password,
            confirmPassword = Api.Password,
        });

        var problem = await response.ShouldBeProblem(409, "username_taken");
        Assert.That(problem.GetProperty("errors").TryGetProperty("username", out _), Is.True);
    }

    [Test]
    public async Task A_taken_email_is_a_conflict_whatever_its_case()
    {
        await Api.RegisterAsync("alice", "alice@example.com");

        var response = await Api.PostAsync("/api/auth/register", new
        {
            username = "alice2",
            email = "ALICE@example.COM",
            password = Api.Password,
            confirmPassword = Api.Password,
        });

        var problem = await response.ShouldBeProblem(409, "email_taken");
        Assert.That(problem.GetProperty("errors").TryGetProperty("email", out _), Is.True);
    }

    [Test]
    public async Task Racing_duplicate_registrations_create_exactly_one_user()
    {
        var attempts = Enumerable.Range(0, 8).Select(i => Api.PostAsync("/api/auth/register", new
        {
            username = "racer",
            email = $"racer{i}@example.com",
            password = Api.Password,
            confirmPassword = Api.Password,
        }));

        var responses = await Task.WhenAll(attempts);

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == 201), Is.EqualTo(1), string.Join(",", statuses));
        foreach (var refused in responses.Where(r => (int)r.StatusCode != 201))
        {
            await refused.ShouldBeProblem(409, "username_taken");
        }

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM users WHERE \"NormalizedUserName\" = 'RACER'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Racing_registrations_of_one_email_in_different_cases_create_exactly_one_user()
    {
        var attempts = Enumerable.Range(0, 8).Select(i => Api.PostAsync("/api/auth/register", new
        {
            username = $"racer{i}",
            email = i % 2 == 0 ? "racer@example.com" : "RACER@Example.com",
            password = Api.Password,
            confirmPassword = Api.Password,
        }));

        var responses = await Task.WhenAll(attempts);

        Assert.That(responses.Count(r => (int)r.StatusCode == 201), Is.EqualTo(1), string.Join(",", responses.Select(r => (int)r.StatusCode)));
        foreach (var refused in responses.Where(r => (int)r.StatusCode != 201))
        {
            await refused.ShouldBeProblem(409, "email_taken");
        }

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM users"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_registration_refused_as_a_duplicate_stores_no_user_and_no_confirmation_email()
    {
        await Api.RegisterAsync("alice");

        await (await Api.PostAsync("/api/auth/register", new
        {
            username = "Alice",
            email = "someone.else@example.com",
            password = Api.Password,
            confirmPassword = Api.Password,
        })).ShouldBeProblem(409, "username_taken");

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM users"), Is.EqualTo(1));
        Assert.That(
            await Database.ScalarAsync<long>("""SELECT count(*) FROM email_outbox WHERE "Recipient" = 'someone.else@example.com'"""),
            Is.Zero);
    }
}
