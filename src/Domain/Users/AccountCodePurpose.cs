namespace ChatPlatform.Domain.Users;

/// <summary>What an <see cref="AccountCode"/> is good for; a code of one purpose never serves the other.</summary>
public enum AccountCodePurpose
{
    PasswordReset = 1,
    EmailConfirmation = 2,
}
