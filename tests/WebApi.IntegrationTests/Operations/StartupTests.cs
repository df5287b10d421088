using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Operations;

/// <summary>Start-up behaviour, each with an application of its own.</summary>
public sealed class StartupTests
{
    [Test]
    public async Task Production_refuses_to_start_without_a_signing_key()
    {
        var connectionString = await TestRun.Postgres.CreateDatabaseAsync();
        await using var factory = new ApiFactory(connectionString, new Dictionary<string, string?> { ["Jwt:SigningKey"] = "" })
        {
            Environment = "Production",
        };

        var failure = Assert.Catch(() => factory.StartServer());

        Assert.That(failure!.ToString(), Does.Contain("Jwt:SigningKey is required"));
    }

    [Test]
    public async Task A_first_start_on_an_empty_database_logs_no_error()
    {
        var connectionString = await TestRun.Postgres.CreateDatabaseAsync();
        await using var factory = new ApiFactory(connectionString);

        factory.StartServer();

        var errors = factory.Logs.Lines.Where(line => line.StartsWith("Error ", StringComparison.Ordinal) || line.StartsWith("Critical ", StringComparison.Ordinal));
        Assert.That(errors, Is.Empty);
        Assert.That(factory.Logs.Lines, Has.Some.Contains("Applying migration"), "the migrations did run");
    }

    [Test]
    public async Task Production_refuses_to_start_without_email_settings()
    {
        var connectionString = await TestRun.Postgres.CreateDatabaseAsync();
        await using var factory = new ApiFactory(connectionString, new Dictionary<string, string?> { ["Email:PickupDirectory"] = "" })
        {
            Environment = "Production",
        };

        var failure = Assert.Catch(() => factory.StartServer());

        Assert.That(failure!.ToString(), Does.Contain("Email is not configured: set Email__Smtp__Host"));
    }

    [Test]
    public async Task Development_without_email_settings_writes_emails_to_a_temporary_folder()
    {
        var connectionString = await TestRun.Postgres.CreateDatabaseAsync();
        await using var factory = new ApiFactory(connectionString, new Dictionary<string, string?> { ["Email:PickupDirectory"] = "" })
        {
            Environment = "Development",
        };
        using var api = new Api(factory.CreateApiClient());
        var alice = await api.RegisterAndLoginAsync("alice");

        await (await api.PostAsync("/api/users/me/2fa/enable", new { password = Api.Password }, alice.AccessToken)).ShouldHaveStatus(202);
    }

    [Test]
    public async Task A_signing_key_shorter_than_32_bytes_is_refused()
    {
        var connectionString = await TestRun.Postgres.CreateDatabaseAsync();
        await using var factory = new ApiFactory(connectionString, new Dictionary<string, string?> { ["Jwt:SigningKey"] = "too-short" });

        var failure = Assert.Catch(() => factory.StartServer());

        Assert.That(failure!.ToString(), Does.Contain("at least 32 bytes"));
    }

    [Test]
    public async Task Development_runs_with_a_generated_signing_key_and_serves_the_interactive_api_ui()
    {
        var connectionString = await TestRun.Postgres.CreateDatabaseAsync();
        await using var factory = new ApiFactory(connectionString, new Dictionary<string, string?> { ["Jwt:SigningKey"] = "" })
        {
            Environment = "Development",
        };
        using var api = new Api(factory.CreateApiClient());

        var pair = await api.RegisterAndLoginAsync("alice");

        await (await api.GetAsync("/api/auth/protected", pair.AccessToken)).ShouldHaveStatus(200);
        var ui = await api.GetAsync("/swagger/index.html");
        Assert.That((int)ui.StatusCode, Is.EqualTo(200));
        Assert.That(ui.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
    }

    [Test]
    public async Task The_interactive_api_ui_is_not_served_outside_development()
    {
        var response = await TestRun.Api.CreateApiClient().GetAsync("/swagger/index.html");

        await response.ShouldBeProblem(404, "not_found");
    }

    [Test]
    public async Task The_bootstrap_admin_is_created_once_and_never_overwritten()
    {
        var connectionString = await TestRun.Postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Bootstrap:AdminUsername"] = "root",
            ["Bootstrap:AdminEmail"] = "root@example.com",
            ["Bootstrap:AdminPassword"] = "Adm1nPassword!",
        };
        await using (var first = new ApiFactory(connectionString, settings))
        {
            using var api = new Api(first.CreateApiClient());
            var pair = await api.LoginAsync("root", "Adm1nPassword!");
            Assert.That(pair.Body.GetProperty("user").GetProperty("roles").Strings(), Is.EqualTo(new[] { "admin" }));
        }

        settings["Bootstrap:AdminPassword"] = "Different1Password!";
        await using var second = new ApiFactory(connectionString, settings);
        using var again = new Api(second.CreateApiClient());

        await again.LoginAsync("root", "Adm1nPassword!");
        await (await again.PostAsync("/api/auth/login", new { username = "root", password = "Different1Password!" }))
            .ShouldBeProblem(401, "invalid_credentials");
    }

    [Test]
    public async Task Revocations_survive_a_restart()
    {
        var connectionString = await TestRun.Postgres.CreateDatabaseAsync();
        TokenPair loggedOut;
        TokenPair reused;
        await using (var first = new ApiFactory(connectionString))
        {
            using var api = new Api(first.CreateApiClient());
            loggedOut = await api.RegisterAndLoginAsync("alice");
            await (await api.PostAsync("/api/auth/logout", new { refreshToken = loggedOut.RefreshToken }, loggedOut.AccessToken)).ShouldHaveStatus(204);
            reused = await api.LoginAsync("alice");
            await api.RefreshAsync(reused.RefreshToken);
            await api.PostAsync("/api/auth/refresh", new { refreshToken = reused.RefreshToken });
        }

        await using var second = new ApiFactory(connectionString);
        using var restarted = new Api(second.CreateApiClient());

        await (await restarted.GetAsync("/api/auth/protected", loggedOut.AccessToken)).ShouldBeProblem(401, "token_revoked");
        await (await restarted.GetAsync("/api/auth/protected", reused.AccessToken)).ShouldBeProblem(401, "token_revoked");
    }
}
