namespace ChatPlatform.Domain.Audit;

/// <summary>The security events the audit log records, as the API contract names them.</summary>
public static class AuditEventTypes
{
    public const string LoginSucceeded = "login_succeeded";
    public const string LoginFailed = "login_failed";
    public const string AccountLockedOut = "account_locked_out";
    public const string Logout = "logout";
    public const string LogoutAll = "logout_all";
    public const string RefreshReuseDetected = "refresh_reuse_detected";
    public const string SessionRevoked = "session_revoked";
    public const string PasswordChanged = "password_changed";
    public const string PasswordReset = "password_reset";
    public const string EmailChanged = "email_changed";
    public const string EmailConfirmed = "email_confirmed";
    public const string TwoFactorEnabled = "two_factor_enabled";
    public const string TwoFactorDisabled = "two_factor_disabled";
    public const string TwoFactorReset = "two_factor_reset";
    public const string RolesChanged = "roles_changed";
    public const string UserLocked = "user_locked";
    public const string UserUnlocked = "user_unlocked";
    public const string UserLoggedOut = "user_logged_out";
    public const string RoleCreated = "role_created";
    public const string RoleUpdated = "role_updated";
    public const string RoleDeleted = "role_deleted";
    public const string PermissionCreated = "permission_created";
    public const string PermissionDeleted = "permission_deleted";

    public const int MaxLength = 32;

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        LoginSucceeded, LoginFailed, AccountLockedOut, Logout, LogoutAll, RefreshReuseDetected, SessionRevoked,
        PasswordChanged, PasswordReset, EmailChanged, EmailConfirmed, TwoFactorEnabled, TwoFactorDisabled,
        TwoFactorReset, RolesChanged, UserLocked, UserUnlocked, UserLoggedOut, RoleCreated, RoleUpdated,
        RoleDeleted, PermissionCreated, PermissionDeleted,
    };
}
