using ChatPlatform.WebApi.IntegrationTests.Support;
using Microsoft.IdentityModel.Tokens;

namespace ChatPlatform.WebApi.IntegrationTests.Auth;

/// <summary>Every way of presenting a token that is not a valid access token of ours is refused with the contract's code.</summary>
public sealed class AccessTokenAttackTests : ApiTest
{
    private TokenPair _alice = null!;

    [SetUp]
    public async Task LogInAsync() => _alice = await Api.RegisterAndLoginAsync("alice");

    [Test]
    public async Task No_token_is_token_missing_with_a_bare_bearer_challenge()
    {
        var response = await Api.GetAsync("/api/auth/protected");

        await response.ShouldBeProblem(401, "token_missing");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task A_valid_token_passes() =>
        await (await Api.GetAsync("/api/auth/protected", _alice.AccessToken)).ShouldHaveStatus(200);

    [Test]
    public async Task An_unsigned_alg_none_token_is_invalid()
    {
        var token = JwtClaims.Encode(new { alg = "none", typ = "at+jwt" }) + "." + _alice.AccessToken.Split('.')[1] + ".";

        await ShouldBeInvalid(token);
    }

    [Test]
    public async Task A_tampered_payload_is_invalid()
    {
        var claims = JwtClaims.ClaimsOf(_alice.AccessToken);
        claims["role"] = new[] { "admin" };
        var parts = _alice.AccessToken.Split('.');
        var tampered = parts[0] + "." + JwtClaims.Encode(claims) + "." + parts[2];

        await ShouldBeInvalid(tampered);
    }

    [Test]
    public async Task A_token_signed_with_another_key_is_invalid() =>
        await ShouldBeInvalid(JwtClaims.Sign(JwtClaims.ClaimsOf(_alice.AccessToken), key: "another-key-that-is-long-enough-0123456789"));

    [Test]
    public async Task A_token_signed_with_another_algorithm_is_invalid() =>
        await ShouldBeInvalid(JwtClaims.Sign(JwtClaims.ClaimsOf(_alice.AccessToken), algorithm: SecurityAlgorithms.HmacSha512));

    [Test]
    public async Task A_token_from_another_issuer_is_invalid()
    {
        var claims = JwtClaims.ClaimsOf(_alice.AccessToken);
        claims["iss"] = "SomeoneElse";

        await ShouldBeInvalid(JwtClaims.Sign(claims));
    }

    [Test]
    public async Task A_token_for_another_audience_is_invalid()
    {
        var claims = JwtClaims.ClaimsOf(_alice.AccessToken);
        claims["aud"] = "SomeoneElse";

        await ShouldBeInvalid(JwtClaims.Sign(claims));
    }

    [Test]
    public async Task A_correctly_signed_jwt_of_another_type_is_invalid() =>
        await ShouldBeInvalid(JwtClaims.Sign(JwtClaims.ClaimsOf(_alice.AccessToken), type: "JWT"));

    [Test]
    public async Task Our_own_token_re_signed_unchanged_still_passes()
    {
        // Guards the forging helper: the attacks above fail for the reason they name.
        var token = JwtClaims.Sign(JwtClaims.ClaimsOf(_alice.AccessToken));

        await (await Api.GetAsync("/api/auth/protected", token)).ShouldHaveStatus(200);
    }

    [Test]
    public async Task A_refresh_token_used_as_bearer_is_invalid() => await ShouldBeInvalid(_alice.RefreshToken);

    [Test]
    public async Task Garbage_is_invalid() => await ShouldBeInvalid("not.a.jwt");

    [Test]
    public async Task An_expired_token_is_token_expired()
    {
        Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(10));

        var response = await Api.GetAsync("/api/auth/protected", _alice.AccessToken);

        await response.ShouldBeProblem(401, "token_expired");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer error=\"invalid_token\""));
    }

    [Test]
    public async Task A_token_is_still_accepted_just_before_it_expires()
    {
        Clock.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(50));

        await (await Api.GetAsync("/api/auth/protected", _alice.AccessToken)).ShouldHaveStatus(200);
    }

    private async Task ShouldBeInvalid(string token)
    {
        var response = await Api.GetAsync("/api/auth/protected", token);

        await response.ShouldBeProblem(401, "token_invalid");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer error=\"invalid_token\""));
    }
}
