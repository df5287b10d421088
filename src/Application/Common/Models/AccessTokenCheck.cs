namespace ChatPlatform.Application.Common.Models;

/// <summary>The outcome of validating an access token: when it expires, or the contract's error code.</summary>
public sealed record AccessTokenCheck(string? ErrorCode, DateTimeOffset ExpiresAt)
{
    public bool IsValid => ErrorCode is null;

    public static AccessTokenCheck Failed(string errorCode) => new(errorCode, default);
}
