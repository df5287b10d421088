using ChatPlatform.Domain.Roles;
using FluentValidation;

namespace ChatPlatform.Application.Users.Commands.SetUserRoles;

public sealed class SetUserRolesCommandValidator : AbstractValidator<SetUserRolesCommand>
{
    public SetUserRolesCommandValidator()
    {
        RuleFor(c => c.Roles).NotNull().Must(r => r is null || r.Count <= 100).WithMessage("At most 100 roles.");
        RuleForEach(c => c.Roles).NotEmpty().Matches(Role.NamePattern).OverridePropertyName("roles");
    }
}
