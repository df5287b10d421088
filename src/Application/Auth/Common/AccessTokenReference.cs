namespace ChatPlatform.Application.Auth.Common;

/// <summary>An access token named by its id, with the time it would expire by itself.</summary>
internal sealed record AccessTokenReference(string TokenId, DateTimeOffset ExpiresAt);
