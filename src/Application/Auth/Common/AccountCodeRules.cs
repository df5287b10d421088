namespace ChatPlatform.Application.Auth.Common;

internal static class AccountCodeRules
{
    /// <summary>Codes are 43 characters; the bound only keeps junk out.</summary>
    public const int MaxLength = 128;
}
