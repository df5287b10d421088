using System.Text.Json;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

public static class ResponseAssertions
{
    /// <summary>Asserts the status and returns the JSON body (or an undefined element when empty).</summary>
    public static async Task<JsonElement> ShouldHaveStatus(this HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(status), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a Problem Details answer with the contract's error code, and returns it.</summary>
    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, int status, string error)
    {
        var body = await response.ShouldHaveStatus(status);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(body.GetProperty("error").GetString(), Is.EqualTo(error));
            Assert.That(body.GetProperty("status").GetInt32(), Is.EqualTo(status));
            Assert.That(body.TryGetProperty("title", out _), Is.True, "Problem Details has a title");
        });
        return body;
    }

    public static IReadOnlyList<string> Strings(this JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
