using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Auth;

public sealed class LoginTests : ApiTest
{
    [Test]
    public async Task Login_by_username_returns_the_contract_token_pair()
    {
        var registered = await Api.RegisterAsync("alice");

        var pair = await Api.LoginAsync("alice");

        var body = pair.Body;
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("tokenType").GetString(), Is.EqualTo("Bearer"));
            Assert.That(body.GetProperty("expiresIn").GetInt32(), Is.EqualTo(900));
            Assert.That(body.GetProperty("refreshExpiresIn").GetInt32(), Is.EqualTo(604800));
            Assert.That(body.GetProperty("user").GetProperty("id").GetString(), Is.EqualTo(registered.GetProperty("id").GetString()));
            Assert.That(body.GetProperty("user").GetProperty("username").GetString(), Is.EqualTo("alice"));
            Assert.That(body.GetProperty("user").GetProperty("roles").Strings(), Is.EqualTo(new[] { "user" }));
            Assert.That(pair.RefreshToken, Is.Not.Empty);
        });
    }

    [Test]
    public async Task The_access_token_carries_exactly_the_contract_claims()
    {
        var registered = await Api.RegisterAsync("alice");
        var pair = await Api.LoginAsync("alice");

        var header = JwtClaims.Header(pair.AccessToken);
        var payload = JwtClaims.Payload(pair.AccessToken);

        var names = payload.EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(header.GetProperty("alg").GetString(), Is.EqualTo("HS256"));
            Assert.That(header.GetProperty("typ").GetString(), Is.EqualTo("at+jwt"));
            Assert.That(names, Is.EqualTo(new[] { "aud", "exp", "iat", "iss", "jti", "name", "role", "sid", "sub" }));
            Assert.That(payload.GetProperty("sub").GetString(), Is.EqualTo(registered.GetProperty("id").GetString()));
            Assert.That(payload.GetProperty("name").GetString(), Is.EqualTo("alice"));
            Assert.That(payload.GetProperty("iss").GetString(), Is.EqualTo(ApiFactory.Issuer));
            Assert.That(payload.GetProperty("aud").GetString(), Is.EqualTo(ApiFactory.Audience));
            Assert.That(payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64(), Is.EqualTo(900));
            Assert.That(Guid.TryParse(payload.GetProperty("sid").GetString(), out _), Is.True);
        });
    }

    [Test]
    public async Task The_refresh_token_is_opaque_random_and_stored_only_as_a_hash()
    {
        await Api.RegisterAsync("alice");
        var first = await Api.LoginAsync("alice");
        var second = await Api.LoginAsync("alice");

        Assert.That(first.RefreshToken, Is.Not.EqualTo(second.RefreshToken));
        Assert.That(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(first.RefreshToken), Has.Length.GreaterThanOrEqualTo(32));
        var stored = await Database.ScalarAsync<long>(
            "SELECT count(*) FROM refresh_tokens WHERE \"TokenHash\" = @t", ("t", first.RefreshToken));
        Assert.That(stored, Is.Zero, "the raw token must not be stored");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM refresh_tokens"), Is.EqualTo(2));
    }

    [Test]
    public async Task Login_accepts_the_email_address_in_any_case()
    {
        await Api.RegisterAsync("alice", "alice@example.com");

        var response = await Api.PostAsync("/api/auth/login", new { username = "ALICE@example.com", password = Api.Password });

        await response.ShouldHaveStatus(200);
    }

    [Test]
    public async Task Unknown_user_and_wrong_password_get_the_same_answer()
    {
        await Api.RegisterAsync("alice");

        var wrongPassword = await Api.PostAsync("/api/auth/login", new { username = "alice", password = "Wr0ngPassword" });
        var unknownUser = await Api.PostAsync("/api/auth/login", new { username = "nobody", password = "Wr0ngPassword" });

        var first = await wrongPassword.ShouldBeProblem(401, "invalid_credentials");
        var second = await unknownUser.ShouldBeProblem(401, "invalid_credentials");
        Assert.That(first.GetProperty("detail").GetString(), Is.EqualTo(second.GetProperty("detail").GetString()));
    }

    [Test]
    public async Task Too_many_failures_lock_the_account_until_the_lockout_ends()
    {
        await Api.RegisterAsync("alice");
        for (var i = 0; i < 5; i++)
        {
            var failure = await Api.PostAsync("/api/auth/login", new { username = "alice", password = "Wr0ngPassword" });
            await failure.ShouldBeProblem(401, "invalid_credentials");
        }

        var locked = await Api.PostAsync("/api/auth/login", new { username = "alice", password = Api.Password });

        await locked.ShouldBeProblem(429, "account_locked");
        var retryAfter = int.Parse(locked.Headers.GetValues("Retry-After").Single());
        Assert.That(retryAfter, Is.InRange(1, 300));

        Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var afterLockout = await Api.PostAsync("/api/auth/login", new { username = "alice", password = Api.Password });
        await afterLockout.ShouldHaveStatus(200);
    }

    [Test]
    public async Task Concurrent_failures_are_all_counted_towards_lockout()
    {
        await Api.RegisterAsync("alice");

        var failures = await Task.WhenAll(Enumerable.Range(0, 5)
            .Select(_ => Api.PostAsync("/api/auth/login", new { username = "alice", password = "Wr0ngPassword" })));

        Assert.That(failures.Select(f => (int)f.StatusCode), Is.All.EqualTo(401));
        var locked = await Api.PostAsync("/api/auth/login", new { username = "alice", password = Api.Password });
        await locked.ShouldBeProblem(429, "account_locked");
    }

    [Test]
    public async Task A_successful_login_resets_the_failure_count()
    {
        await Api.RegisterAsync("alice");
        for (var i = 0; i < 4; i++)
        {
            await Api.PostAsync("/api/auth/login", new { username = "alice", password = "Wr0ngPassword" });
        }

        await Api.LoginAsync("alice");
        await Api.PostAsync("/api/auth/login", new { username = "alice", password = "Wr0ngPassword" });

        await Api.LoginAsync("alice");
    }

    [Test]
    public async Task Login_with_missing_fields_is_a_validation_failure()
    {
        var response = await Api.PostAsync("/api/auth/login", new { username = "alice" });

        var problem = await response.ShouldBeProblem(400, "validation_failed");
        Assert.That(problem.GetProperty("errors").TryGetProperty("password", out _), Is.True);
    }

    [Test]
    public async Task The_protected_endpoint_greets_the_caller_by_name()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");

        var response = await Api.GetAsync("/api/auth/protected", pair.AccessToken);

        var body = await response.ShouldHaveStatus(200);
        Assert.That(body.GetProperty("message").GetString(), Is.EqualTo("You are authenticated."));
        Assert.That(body.GetProperty("username").GetString(), Is.EqualTo("alice"));
    }

}
