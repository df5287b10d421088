namespace ChatPlatform.Application.Auth.Queries.VerifyToken;

public sealed record VerifyTokenResult(bool Valid, string TokenType, DateTimeOffset ExpiresAt);
