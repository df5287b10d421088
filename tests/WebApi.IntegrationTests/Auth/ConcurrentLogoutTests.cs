using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Auth;

/// <summary>A double click on "sign out" sends the same revocation twice at once: both succeed.</summary>
public sealed class ConcurrentLogoutTests : ApiTest
{
    [Test]
    public async Task Two_logout_all_calls_with_one_token_at_once_both_succeed()
    {
        await Api.RegisterAsync("alice");
        for (var round = 0; round < 10; round++)
        {
            var pair = await Api.LoginAsync("alice");

            var answers = await Task.WhenAll(
                Api.PostAsync("/api/auth/logout-all", null, pair.AccessToken),
                Api.PostAsync("/api/auth/logout-all", null, pair.AccessToken));

            Assert.That(answers.Select(a => (int)a.StatusCode), Has.None.GreaterThanOrEqualTo(500), $"round {round}");
            Assert.That(answers.Select(a => (int)a.StatusCode), Has.Some.EqualTo(204), $"round {round}");
            await (await Api.GetAsync("/api/auth/protected", pair.AccessToken)).ShouldBeProblem(401, "token_revoked");
        }
    }

    [Test]
    public async Task Two_logout_calls_with_one_token_at_once_both_succeed()
    {
        await Api.RegisterAsync("alice");
        for (var round = 0; round < 10; round++)
        {
            var pair = await Api.LoginAsync("alice");

            var answers = await Task.WhenAll(
                Api.PostAsync("/api/auth/logout", new { refreshToken = pair.RefreshToken }, pair.AccessToken),
                Api.PostAsync("/api/auth/logout", new { refreshToken = pair.RefreshToken }, pair.AccessToken));

            Assert.That(answers.Select(a => (int)a.StatusCode), Has.None.GreaterThanOrEqualTo(500), $"round {round}");
            Assert.That(answers.Select(a => (int)a.StatusCode), Has.Some.EqualTo(204), $"round {round}");
            await (await Api.GetAsync("/api/auth/protected", pair.AccessToken)).ShouldBeProblem(401, "token_revoked");
        }
    }
}
