namespace ChatPlatform.Application.Common.Models;

public sealed record PasswordCheck(PasswordCheckResult Result, DateTimeOffset? LockedUntil = null);
