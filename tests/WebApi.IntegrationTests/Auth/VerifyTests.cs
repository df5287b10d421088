using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Auth;

public sealed class VerifyTests : ApiTest
{
    [Test]
    public async Task A_live_access_token_verifies_as_access_with_its_expiry()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");

        var body = await (await Api.PostAsync("/api/auth/verify", new { token = pair.AccessToken })).ShouldHaveStatus(200);

        Assert.That(body.GetProperty("valid").GetBoolean(), Is.True);
        Assert.That(body.GetProperty("tokenType").GetString(), Is.EqualTo("access"));
        var expiresAt = DateTimeOffset.Parse(body.GetProperty("expiresAt").GetString()!);
        Assert.That(expiresAt.ToUnixTimeSeconds(), Is.EqualTo(JwtClaims.Payload(pair.AccessToken).GetProperty("exp").GetInt64()));
    }

    [Test]
    public async Task A_live_refresh_token_verifies_as_refresh_without_being_spent()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");

        var body = await (await Api.PostAsync("/api/auth/verify", new { token = pair.RefreshToken })).ShouldHaveStatus(200);

        Assert.That(body.GetProperty("tokenType").GetString(), Is.EqualTo("refresh"));
        await Api.RefreshAsync(pair.RefreshToken);
    }

    [Test]
    public async Task Expired_revoked_and_invalid_tokens_fail_verification_with_their_codes()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");
        await (await Api.PostAsync("/api/auth/verify", new { token = "garbage" })).ShouldBeProblem(401, "token_invalid");
        await (await Api.PostAsync("/api/auth/verify", new { token = "a.b.c" })).ShouldBeProblem(401, "token_invalid");

        await (await Api.PostAsync("/api/auth/logout", new { refreshToken = pair.RefreshToken }, pair.AccessToken)).ShouldHaveStatus(204);
        await (await Api.PostAsync("/api/auth/verify", new { token = pair.AccessToken })).ShouldBeProblem(401, "token_revoked");
        await (await Api.PostAsync("/api/auth/verify", new { token = pair.RefreshToken })).ShouldBeProblem(401, "token_revoked");

        var other = await Api.LoginAsync("alice");
        Clock.Advance(TimeSpan.FromDays(8));
        await (await Api.PostAsync("/api/auth/verify", new { token = other.AccessToken })).ShouldBeProblem(401, "token_expired");
        await (await Api.PostAsync("/api/auth/verify", new { token = other.RefreshToken })).ShouldBeProblem(401, "token_expired");
    }

    [Test]
    public async Task Verify_without_a_token_is_a_validation_failure() =>
        await (await Api.PostAsync("/api/auth/verify", new { })).ShouldBeProblem(400, "validation_failed");
}
