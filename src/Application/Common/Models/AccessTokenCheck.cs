namespace ChatPlatform.Application.Common.Models;

/// <summary>The outcome of validating an access token: either its facts or the contract's error code.</summary>
public sealed record AccessTokenCheck(string? ErrorCode, Guid UserId, Guid SessionId, string TokenId, DateTimeOffset ExpiresAt)
{
    public bool IsValid => ErrorCode is null;

    public static AccessTokenCheck Failed(string errorCode) => new(errorCode, Guid.Empty, Guid.Empty, string.Empty, default);
}
