namespace ChatPlatform.Domain.Common;

/// <summary>
/// The codes of the rules the domain enforces (<see cref="DomainRuleException.Code"/>); the
/// Application's error codes reuse these, so each code is written once.
/// </summary>
public static class DomainErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string SystemRole = "system_role";
    public const string SystemPermission = "system_permission";
}
