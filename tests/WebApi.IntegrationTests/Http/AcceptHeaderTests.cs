using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Http;

/// <summary>Errors are Problem Details JSON whatever the client says it accepts (these were empty 500s).</summary>
public sealed class AcceptHeaderTests : ApiTest
{
    [TestCase("application/xml")]
    [TestCase("text/plain")]
    [TestCase("text/html")]
    public async Task A_missing_token_is_a_401_problem_whatever_the_accept_header(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/me");
        request.Headers.Accept.ParseAdd(accept);

        var response = await Api.Http.SendAsync(request);

        await response.ShouldBeProblem(401, "token_missing");
    }

    [TestCase("application/xml")]
    [TestCase("text/plain")]
    public async Task An_unknown_room_is_a_404_problem_whatever_the_accept_header(string accept)
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rooms/nowhere");
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.Authorization = new("Bearer", alice.AccessToken);

        var response = await Api.Http.SendAsync(request);

        await response.ShouldBeProblem(404, "not_found");
    }

    [TestCase("application/xml")]
    [TestCase("text/plain")]
    public async Task A_forbidden_request_is_a_403_problem_whatever_the_accept_header(string accept)
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/users");
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.Authorization = new("Bearer", alice.AccessToken);

        var response = await Api.Http.SendAsync(request);

        await response.ShouldBeProblem(403, "forbidden");
    }

    [Test]
    public async Task A_conflict_is_a_409_problem_for_a_client_that_accepts_only_xml()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await (await Api.PostAsync("/api/rooms", new { name = "general" }, alice.AccessToken)).ShouldHaveStatus(201);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms") { Content = System.Net.Http.Json.JsonContent.Create(new { name = "general" }) };
        request.Headers.Accept.ParseAdd("application/xml");
        request.Headers.Authorization = new("Bearer", alice.AccessToken);

        var response = await Api.Http.SendAsync(request);

        await response.ShouldBeProblem(409, "room_exists");
    }
}
