using System.Text;
using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Http;

/// <summary>Bad requests get Problem Details with the contract's codes: never a 500, never HTML.</summary>
public sealed class RequestErrorTests : ApiTest
{
    [Test]
    public async Task Malformed_json_is_a_validation_failure()
    {
        var response = await Api.Http.PostAsync("/api/auth/login", new StringContent("{\"username\": ", Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblem(400, "validation_failed");
        Assert.That(problem.GetProperty("errors").EnumerateObject().Any(), Is.True);
    }

    [Test]
    public async Task Json_of_the_wrong_shape_is_a_validation_failure()
    {
        var response = await Api.Http.PostAsync("/api/auth/login", new StringContent("[1,2,3]", Encoding.UTF8, "application/json"));

        await response.ShouldBeProblem(400, "validation_failed");
    }

    [Test]
    public async Task A_wrong_content_type_is_unsupported_media_type()
    {
        var response = await Api.Http.PostAsync("/api/auth/login", new StringContent("username=alice", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.ShouldBeProblem(415, "unsupported_media_type");
    }

    [Test]
    public async Task A_body_over_one_megabyte_is_payload_too_large()
    {
        var huge = "{\"username\":\"" + new string('a', 1024 * 1024 + 16) + "\",\"password\":\"x\"}";

        // As a careful client sends a large body: the server refuses before it arrives, so the
        // refusal cannot race the upload (without it, the server may close while the client still writes).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = new StringContent(huge, Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;

        var response = await Api.Http.SendAsync(request);

        await response.ShouldBeProblem(413, "payload_too_large");
    }

    [Test]
    public async Task An_unknown_route_is_not_found()
    {
        var response = await Api.GetAsync("/api/nothing-here");

        await response.ShouldBeProblem(404, "not_found");
    }

    [Test]
    public async Task A_bad_query_value_is_a_validation_failure_naming_the_parameter()
    {
        await Api.RegisterAsync("alice");

        var response = await Api.PostAsync("/api/auth/login?useCookie=maybe", new { username = "alice", password = Api.Password });

        var problem = await response.ShouldBeProblem(400, "validation_failed");
        Assert.That(problem.GetProperty("errors").TryGetProperty("useCookie", out _), Is.True, problem.ToString());
    }
}
