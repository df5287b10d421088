using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Operations;

public sealed class LoggingTests : ApiTest
{
    [Test]
    public async Task Tokens_and_passwords_never_reach_the_logs()
    {
        const string password = "S3cret-Passw0rd-Never-Logged";
        await Api.RegisterAsync("alice", password: password);
        var pair = await Api.LoginAsync("alice", password);
        var refreshed = await Api.RefreshAsync(pair.RefreshToken);
        await Api.GetAsync("/api/auth/protected", refreshed.AccessToken);
        await Api.GetAsync($"/hubs/chat?access_token={refreshed.AccessToken}");
        await Api.PostAsync("/api/auth/refresh", new { refreshToken = pair.RefreshToken });
        await Api.PostAsync("/api/auth/login", new { username = "alice", password = password + "x" });

        var secrets = new[] { password, pair.AccessToken, pair.RefreshToken, refreshed.AccessToken, refreshed.RefreshToken };
        var leaks = Factory.Logs.Lines.Where(line => secrets.Any(secret => line.Contains(secret, StringComparison.Ordinal))).ToList();

        Assert.That(Factory.Logs.Lines, Is.Not.Empty, "logging is captured");
        Assert.That(leaks, Is.Empty);
    }
}
