namespace ChatPlatform.Application.Auth.Common;

/// <summary>The 202 answer of a password login when the user has two-factor on.</summary>
public sealed record TwoFactorChallengeDto(string ChallengeToken)
{
    public bool TwoFactorRequired => true;
}
