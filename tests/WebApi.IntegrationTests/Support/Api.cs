using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>A client of the HTTP API with intent-named helpers.</summary>
public sealed class Api(HttpClient http) : IDisposable
{
    public const string Password = "Passw0rd!";

    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetAsync(string path, string? accessToken = null) =>
        SendAsync(HttpMethod.Get, path, null, accessToken);

    public Task<HttpResponseMessage> PostAsync(string path, object? body, string? accessToken = null) =>
        SendAsync(HttpMethod.Post, path, body, accessToken);

    public Task<HttpResponseMessage> PutAsync(string path, object? body, string? accessToken = null) =>
        SendAsync(HttpMethod.Put, path, body, accessToken);

    public Task<HttpResponseMessage> DeleteAsync(string path, string? accessToken = null) =>
        SendAsync(HttpMethod.Delete, path, null, accessToken);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? accessToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await http.SendAsync(request);
    }

    public async Task<JsonElement> RegisterAsync(string username, string? email = null, string password = Password)
    {
        var response = await PostAsync("/api/auth/register", new
        {
            username,
            email = email ?? $"{username}@example.com",
            password,
            confirmPassword = password,
        });
        return await response.ShouldHaveStatus(201);
    }

    public async Task<TokenPair> LoginAsync(string username, string password = Password)
    {
        var response = await PostAsync("/api/auth/login", new { username, password });
        return ToPair(await response.ShouldHaveStatus(200));
    }

    public async Task<TokenPair> RegisterAndLoginAsync(string username)
    {
        await RegisterAsync(username);
        return await LoginAsync(username);
    }

    public async Task<TokenPair> RefreshAsync(string refreshToken)
    {
        var response = await PostAsync("/api/auth/refresh", new { refreshToken });
        return ToPair(await response.ShouldHaveStatus(200));
    }

    public void Dispose() => http.Dispose();

    private static TokenPair ToPair(JsonElement body) =>
        new(body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!, body);
}
