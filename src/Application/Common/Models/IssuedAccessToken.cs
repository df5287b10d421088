namespace ChatPlatform.Application.Common.Models;

public sealed record IssuedAccessToken(string Token, string TokenId, DateTimeOffset ExpiresAt);
