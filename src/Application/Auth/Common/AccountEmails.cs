using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Users;

namespace ChatPlatform.Application.Auth.Common;

/// <summary>The text of the account emails: a code alone on its <c>Code:</c> line, notices with no code at all.</summary>
internal static class AccountEmails
{
    public static EmailMessage PasswordResetCode(User user, string code, TimeSpan lifetime) => new(
        user.Email,
        "Reset your password",
        $"Someone asked to reset the password of your ChatPlatform account {user.UserName}.\r\n" +
        $"Enter this code with a new password within {Describe(lifetime)}; it works once.\r\n\r\n" +
        $"Code: {code}\r\n\r\n" +
        "If you did not ask for it, ignore this email: your password stays as it is.");

    public static EmailMessage EmailConfirmationCode(User user, string email, string code, TimeSpan lifetime) => new(
        email,
        "Confirm your email",
        $"Confirm that {email} is the email address of your ChatPlatform account {user.UserName}.\r\n" +
        $"Enter this code, with your account id, within {Describe(lifetime)}; it works once.\r\n\r\n" +
        $"Account id: {user.Id}\r\n" +
        $"Code: {code}\r\n\r\n" +
        "If you did not create this account or change its address, ignore this email.");

    public static EmailMessage PasswordChanged(User user) => new(
        user.Email,
        "Your password was changed",
        $"The password of your ChatPlatform account {user.UserName} was changed, and your other sessions were signed out.\r\n" +
        "If you did not do this, reset your password now and contact an administrator.");

    public static EmailMessage PasswordWasReset(User user) => new(
        user.Email,
        "Your password was reset",
        $"The password of your ChatPlatform account {user.UserName} was reset with a code sent to this address, " +
        "and every session was signed out.\r\n" +
        "If you did not do this, reset your password again now and contact an administrator.");

    public static EmailMessage EmailChanged(User user, string oldEmail, string newEmail) => new(
        oldEmail,
        "Your email address was changed",
        $"The email address of your ChatPlatform account {user.UserName} was changed to {newEmail}.\r\n" +
        "If you did not do this, reset your password and contact an administrator.");

    private static string Describe(TimeSpan lifetime) =>
        lifetime.TotalHours >= 1 && lifetime.TotalHours % 1 == 0 ? $"{lifetime.TotalHours:0} hour(s)" : $"{Math.Ceiling(lifetime.TotalMinutes):0} minute(s)";
}
