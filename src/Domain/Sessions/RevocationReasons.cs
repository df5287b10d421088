namespace ChatPlatform.Domain.Sessions;

/// <summary>Why a session ended early; kept on the session for audit.</summary>
public static class RevocationReasons
{
    public const string Logout = "logout";
    public const string LogoutAll = "logout_all";
    public const string RefreshTokenReuse = "refresh_token_reuse";
    public const string PasswordChanged = "password_changed";
    public const string PasswordReset = "password_reset";
    public const string RolesChanged = "roles_changed";
    public const string UserLocked = "user_locked";
    public const string SessionRevoked = "session_revoked";
    public const string AdminLogout = "admin_logout";
}
