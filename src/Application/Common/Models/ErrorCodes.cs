using ChatPlatform.Domain.Common;

namespace ChatPlatform.Application.Common.Models;

/// <summary>
/// The stable machine codes of the API contract's Problem Details <c>error</c> extension. The
/// domain's own refusals (<c>system_role</c>, <c>system_permission</c>) are in <see cref="DomainErrorCodes"/>.
/// </summary>
public static class ErrorCodes
{
    public const string ValidationFailed = DomainErrorCodes.ValidationFailed;
    public const string NotFound = "not_found";
    public const string Forbidden = "forbidden";
    public const string TokenMissing = "token_missing";
    public const string TokenInvalid = "token_invalid";
    public const string TokenExpired = "token_expired";
    public const string TokenRevoked = "token_revoked";
    public const string InvalidCredentials = "invalid_credentials";
    public const string InvalidCode = "invalid_code";
    public const string AccountLocked = "account_locked";
    public const string EmailUnconfirmed = "email_unconfirmed";
    public const string RateLimited = "rate_limited";
    public const string UserNameTaken = "username_taken";
    public const string EmailTaken = "email_taken";
    public const string LastAdmin = "last_admin";
    public const string ConcurrentUpdate = "concurrent_update";
    public const string RoleExists = "role_exists";
    public const string RoomExists = "room_exists";
    public const string PermissionExists = "permission_exists";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string PayloadTooLarge = "payload_too_large";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string Unavailable = "unavailable";
    public const string InternalError = "internal_error";
}
