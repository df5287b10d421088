using System.Net.Http.Json;
using ChatPlatform.Infrastructure.Persistence;
using ChatPlatform.WebApi.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPlatform.WebApi.IntegrationTests.Auth;

/// <summary>
/// A client that gives up on a refresh before the server commits it (a timeout, a dropped
/// connection) retries with the same refresh token. The abandoned refresh must roll back, or the
/// retry counts as reuse and signs the user out.
/// </summary>
[NonParallelizable]
public sealed class LostRefreshAnswerTests
{
    private readonly RefreshSaveHold _hold = new();
    private ApiFactory? _factory;

    private ApiFactory Factory => _factory ?? throw new InvalidOperationException("OneTimeSetUp has not run.");

    [OneTimeSetUp]
    public async Task StartAsync() =>
        _factory = await TestRun.CreateApiAsync(testServices: services =>
            services.ConfigureDbContext<ApplicationDbContext>((_, options) => options.AddInterceptors(_hold)));

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    [Test]
    public async Task A_refresh_abandoned_by_its_client_before_the_commit_is_rolled_back_so_the_retry_with_the_same_token_succeeds()
    {
        using var api = new Api(Factory.CreateApiClient());
        var pair = await api.RegisterAndLoginAsync("alice");
        await AbandonRefreshBeforeCommitAsync(api, pair.RefreshToken);
        Assert.That(_hold.Cancelled, Is.True, "the aborted request's cancellation reached SaveChanges");

        var retried = await api.RefreshAsync(pair.RefreshToken);

        await (await api.GetAsync("/api/auth/protected", retried.AccessToken)).ShouldHaveStatus(200);
        await (await api.GetAsync("/api/auth/protected", pair.AccessToken)).ShouldHaveStatus(200);
    }

    [Test]
    public async Task A_token_really_rotated_by_the_retry_is_still_guarded_by_reuse_detection()
    {
        using var api = new Api(Factory.CreateApiClient());
        var pair = await api.RegisterAndLoginAsync("bob");
        await AbandonRefreshBeforeCommitAsync(api, pair.RefreshToken);
        var retried = await api.RefreshAsync(pair.RefreshToken);

        var reuse = await api.PostAsync("/api/auth/refresh", new { refreshToken = pair.RefreshToken });

        await reuse.ShouldBeProblem(401, "token_revoked");
        await (await api.PostAsync("/api/auth/refresh", new { refreshToken = retried.RefreshToken })).ShouldBeProblem(401, "token_revoked");
    }

    /// <summary>Sends a refresh, and gives up on it (closing the connection) while the server holds it before the commit.</summary>
    private async Task AbandonRefreshBeforeCommitAsync(Api api, string refreshToken)
    {
        _hold.Arm();
        using var giveUp = new CancellationTokenSource();
        var abandoned = api.Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken }, giveUp.Token);
        await _hold.Reached.WaitAsync(TimeSpan.FromSeconds(10));

        await giveUp.CancelAsync();

        Assert.That(async () => await abandoned, Throws.InstanceOf<OperationCanceledException>());
        await _hold.SaveEnded.WaitAsync(RefreshSaveHold.Deadline + TimeSpan.FromSeconds(5));
    }
}
