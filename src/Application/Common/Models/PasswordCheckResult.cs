namespace ChatPlatform.Application.Common.Models;

public enum PasswordCheckResult
{
    Success,
    WrongPassword,
    LockedOut,
}
