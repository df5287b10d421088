namespace ChatPlatform.Domain.Users;

/// <summary>What an emailed two-factor code is good for; a code of one purpose never serves the other.</summary>
public enum TwoFactorPurpose
{
    Enable = 1,
    Login = 2,
}
