using ChatPlatform.Application.Common.Validation;
using ChatPlatform.Domain.Roles;
using FluentValidation;

namespace ChatPlatform.Application.Roles.Common;

/// <summary>Field rules shared by the role requests.</summary>
internal static class RoleRules
{
    public const int MaxPermissions = 1000;

    /// <summary>
    /// The role a path names. A blank segment (<c>/api/roles/%20</c>) reaches the request as null,
    /// as model binding turns whitespace into null: a 400 naming it, not a null lookup.
    /// </summary>
    public static IRuleBuilderOptions<T, string> RoleNameInPath<T>(this IRuleBuilder<T, string> rule) => rule.NotEmpty();

    public static IRuleBuilderOptions<T, string?> ValidDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Role.DescriptionMaxLength).NoControlCharacters();

    public static IRuleBuilderOptions<T, IReadOnlyList<string>> ValidPermissionList<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.NotNull()
            .Must(codes => codes is null || codes.Count <= MaxPermissions).WithMessage($"At most {MaxPermissions} permissions.")
            .Must(codes => codes is null || codes.All(c => c is not null && c.Length <= Permission.CodeMaxLength && System.Text.RegularExpressions.Regex.IsMatch(c, Permission.CodePattern)))
            .WithMessage("Every permission must be a code such as 'rooms.create'.");
}
