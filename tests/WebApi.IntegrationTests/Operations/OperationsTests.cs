using ChatPlatform.Infrastructure.Persistence;
using ChatPlatform.WebApi.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPlatform.WebApi.IntegrationTests.Operations;

public sealed class OperationsTests : ApiTest
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_endpoints_answer_without_authentication(string path)
    {
        var response = await Api.GetAsync(path);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task The_openapi_document_describes_every_auth_endpoint_and_the_bearer_scheme()
    {
        var document = await (await Api.GetAsync("/openapi/v1.json")).ShouldHaveStatus(200);

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "register", "login", "refresh", "verify", "logout", "logout-all", "protected" })
        {
            Assert.That(paths.TryGetProperty($"/api/auth/{path}", out _), Is.True, path);
        }

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.That(scheme.GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
        var secured = paths.GetProperty("/api/auth/protected").GetProperty("get").GetProperty("security");
        Assert.That(secured.GetArrayLength(), Is.EqualTo(1));
        Assert.That(paths.GetProperty("/api/auth/login").GetProperty("post").TryGetProperty("security", out _), Is.False);
    }

    [TestCase("/api/users/me/sessions", "get", "401")]
    [TestCase("/api/users/me/sessions/{id}", "delete", "401,404")]
    [TestCase("/api/users/{id}/sessions", "get", "401,403,404")]
    [TestCase("/api/users/{id}/logout", "post", "401,403,404")]
    [TestCase("/api/users/{id}/2fa/reset", "post", "401,403,404")]
    [TestCase("/api/audit", "get", "400,401,403")]
    [TestCase("/api/permissions/{code}", "get", "401,403,404")]
    [TestCase("/api/rooms/{name}/messages/{id}", "get", "401,404")]
    public async Task The_openapi_document_lists_the_session_and_audit_endpoints_with_their_errors(string path, string method, string errors)
    {
        var document = await (await Api.GetAsync("/openapi/v1.json")).ShouldHaveStatus(200);

        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");

        foreach (var status in errors.Split(','))
        {
            Assert.That(responses.TryGetProperty(status, out _), Is.True, $"{method} {path} declares {status}");
        }
    }

    [Test]
    public void Every_model_change_is_captured_by_a_migration()
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

        Assert.That(db.Database.HasPendingModelChanges(), Is.False, "run `dotnet ef migrations add` (see README)");
        Assert.That(db.Database.GetPendingMigrations(), Is.Empty);
    }

    [Test]
    public async Task System_roles_and_permissions_are_seeded_once_however_often_the_app_starts()
    {
        var initialiser = Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DatabaseInitialiser>().Single();
        await initialiser.StartAsync(CancellationToken.None);

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM roles"), Is.EqualTo(2));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM permissions WHERE \"IsSystem\""), Is.EqualTo(7));
        Assert.That(await Database.ScalarAsync<long>(
            "SELECT count(*) FROM role_permissions rp JOIN roles r ON r.\"Id\" = rp.\"RoleId\" WHERE r.\"Name\" = 'admin'"), Is.EqualTo(7));
        Assert.That(await Database.ScalarAsync<string>(
            "SELECT string_agg(rp.\"PermissionCode\", ',') FROM role_permissions rp JOIN roles r ON r.\"Id\" = rp.\"RoleId\" WHERE r.\"Name\" = 'user'"),
            Is.EqualTo("rooms.create"));
    }
}
