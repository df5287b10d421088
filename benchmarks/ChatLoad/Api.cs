using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChatPlatform.ChatLoad;

/// <summary>The few REST calls the load needs: users, rooms, timed history pages.</summary>
internal sealed class Api(Uri url) : IDisposable
{
    private const string Password = "Load-Passw0rd-7!";
    private readonly HttpClient _http = new() { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };

    public async Task<string> SignInAsync(string username)
    {
        var email = $"{username}@example.com";
        using var registered = await _http.PostAsJsonAsync("/api/auth/register", new { username, email, password = Password, confirmPassword = Password });
        registered.EnsureSuccessStatusCode();
        using var login = await _http.PostAsJsonAsync("/api/auth/login", new { username, password = Password });
        login.EnsureSuccessStatusCode();
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    public async Task CreateRoomAsync(string token, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms") { Content = JsonContent.Create(new { name }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public async Task<double[]> TimeAsync(string token, string path, int times)
    {
        var results = new double[times];
        for (var i = 0; i < times; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var started = Stopwatch.GetTimestamp();
            using var response = await _http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            results[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            response.EnsureSuccessStatusCode();
        }

        Array.Sort(results);
        return results;
    }

    public void Dispose() => _http.Dispose();
}
