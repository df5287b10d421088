namespace ChatPlatform.Application.Auth.Common;

/// <summary>Why a login was refused, as its <c>login_failed</c> audit event says.</summary>
internal static class LoginFailures
{
    public const string UnknownUser = "unknown_user";
    public const string WrongPassword = "wrong_password";
    public const string WrongCode = "wrong_two_factor_code";
    public const string LockedOut = "locked_out";
    public const string LockedByAdmin = "locked_by_admin";
    public const string EmailUnconfirmed = "email_unconfirmed";
}
