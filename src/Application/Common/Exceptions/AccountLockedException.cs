namespace ChatPlatform.Application.Common.Exceptions;

/// <summary>The account is locked out until <see cref="LockedUntil"/>; becomes a 429 with Retry-After.</summary>
public sealed class AccountLockedException(DateTimeOffset lockedUntil)
    : Exception("The account is temporarily locked after too many failed attempts.")
{
    public DateTimeOffset LockedUntil { get; } = lockedUntil;
}
