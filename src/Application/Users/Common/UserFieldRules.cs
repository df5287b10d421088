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

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(UserRules.EmailMaxLength).EmailAddress();

    public static IRuleBuilderOptions<T, string?> ValidPersonName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(UserRules.NameMaxLength);

    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .MinimumLength(UserRules.PasswordMinLength)
            .MaximumLength(UserRules.PasswordMaxLength)
            .Must(p => p is null || (p.Any(char.IsLetter) && p.Any(char.IsDigit)))
            .WithMessage("Password must contain at least one letter and one digit.");
}
