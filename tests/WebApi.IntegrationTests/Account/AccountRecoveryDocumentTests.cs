using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Account;

/// <summary>The OpenAPI document lists the account recovery endpoints with their error answers.</summary>
public sealed class AccountRecoveryDocumentTests
{
    [TestCase("/api/auth/password/forgot", new[] { "202", "400", "429" })]
    [TestCase("/api/auth/password/reset", new[] { "204", "400", "429" })]
    [TestCase("/api/auth/email/confirm", new[] { "204", "400", "429" })]
    [TestCase("/api/users/me/email/resend", new[] { "202", "401", "429" })]
    public async Task The_endpoint_is_in_the_openapi_document_with_its_error_responses(string path, string[] statuses)
    {
        using var api = new Api(TestRun.Api.CreateApiClient());
        var document = await (await api.GetAsync("/openapi/v1.json")).ShouldHaveStatus(200);

        var responses = document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("responses")
            .EnumerateObject().Select(r => r.Name).ToList();

        Assert.That(responses, Is.SupersetOf(statuses));
    }
}
