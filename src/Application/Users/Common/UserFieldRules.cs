using System.Net.Mail;
using ChatPlatform.Application.Common.Validation;
using ChatPlatform.Domain.Users;
using FluentValidation;

namespace ChatPlatform.Application.Users.Common;

/// <summary>Field rules shared by every request that sets a username, email, name or password.</summary>
internal static class UserFieldRules
{
    public static IRuleBuilderOptions<T, string> ValidUserName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .Matches(UserRules.UserNamePattern)
            .WithMessage($"Username must be {UserRules.UserNameMinLength}-{UserRules.UserNameMaxLength} characters of letters, digits, '_', '.' or '-'.");

    /// <summary>
    /// A single plain address: no display name, no surrounding spaces, no control character, so
    /// two spellings of one mailbox cannot become two accounts.
    /// </summary>
    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .MaximumLength(UserRules.EmailMaxLength)
            .Must(IsPlainAddress!).WithMessage("Give a single plain email address such as 'name@example.com'.");

    public static IRuleBuilderOptions<T, string?> ValidPersonName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(UserRules.NameMaxLength).NoControlCharacters();

    private static bool IsPlainAddress(string? value) =>
        value is null
        || (!value.Any(c => char.IsWhiteSpace(c) || TextRules.IsControl(c) || c is '<' or '>' or '"' or ',' or ';')
            && MailAddress.TryCreate(value, out var address)
            && address.DisplayName.Length == 0
            && string.Equals(address.Address, value, StringComparison.Ordinal));

    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .MinimumLength(UserRules.PasswordMinLength)
            .MaximumLength(UserRules.PasswordMaxLength)
            .Must(p => p is null || (p.Any(char.IsLetter) && p.Any(char.IsDigit)))
            .WithMessage("Password must contain at least one letter and one digit.");
}
