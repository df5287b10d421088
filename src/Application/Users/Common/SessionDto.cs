namespace ChatPlatform.Application.Users.Common;

/// <summary>A login of a user on one device: the refresh-token family whose id is the access tokens' <c>sid</c>.</summary>
public sealed record SessionDto(
    Guid Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUsedAt,
    DateTimeOffset ExpiresAt,
    string? UserAgent,
    string? IpAddress,
    bool Current);
