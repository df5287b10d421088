using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Account;

/// <summary>With <c>Identity:RequireConfirmedEmail</c> on, an unconfirmed address is refused only after a correct password.</summary>
public sealed class RequireConfirmedEmailTests
{
    private ApiFactory _factory = null!;
    private Api _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() =>
        _factory = await TestRun.CreateApiAsync(new Dictionary<string, string?>
        {
            ["Identity:RequireConfirmedEmail"] = "true",
            ["Bootstrap:AdminUsername"] = "root",
            ["Bootstrap:AdminEmail"] = "root@example.com",
            ["Bootstrap:AdminPassword"] = "Steady-Harbour-9",
        });

    [OneTimeTearDown]
    public async Task StopAsync() => await _factory.DisposeAsync();

    [SetUp]
    public async Task ResetAsync()
    {
        await _factory.ResetAsync();
        _api = new Api(_factory.CreateApiClient());
    }

    [TearDown]
    public void Dispose() => _api.Dispose();

    [Test]
    public async Task An_unconfirmed_login_is_403_email_unconfirmed_after_a_correct_password_only()
    {
        var alice = await _api.RegisterAsync("alice");

        await (await _api.PostAsync("/api/auth/login", new { username = "alice", password = "Wr0ng-guess" })).ShouldBeProblem(401, "invalid_credentials");
        await (await _api.PostAsync("/api/auth/login", new { username = "nobody", password = Api.Password })).ShouldBeProblem(401, "invalid_credentials");
        await (await _api.PostAsync("/api/auth/login", new { username = "alice", password = Api.Password })).ShouldBeProblem(403, "email_unconfirmed");

        var code = await Mailbox.TakeCodeAsync("alice@example.com", _factory, Mailbox.ConfirmSubject);
        await (await _api.PostAsync("/api/auth/email/confirm", new { userId = alice.GetProperty("id").GetGuid(), code })).ShouldHaveStatus(204);
        await _api.LoginAsync("alice");
    }

    [Test]
    public async Task The_bootstrap_admin_signs_in_because_its_address_came_from_the_operator() =>
        await _api.LoginAsync("root", "Steady-Harbour-9");
}
