namespace ChatPlatform.Application.Common.Models;

public sealed record IssuedRefreshToken(string Token, string Hash);
