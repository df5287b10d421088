using ChatPlatform.Application.Roles.Common;
using ChatPlatform.Domain.Roles;
using FluentValidation;

namespace ChatPlatform.Application.Roles.Commands.CreateRole;

public sealed class CreateRoleCommandValidator : AbstractValidator<CreateRoleCommand>
{
    public CreateRoleCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().Matches(Role.NamePattern)
            .WithMessage("Name must be 1-64 characters of letters, digits, '_', '.' or '-'.");
        RuleFor(c => c.Description).ValidDescription();
        RuleFor(c => c.Permissions!).ValidPermissionList().When(c => c.Permissions is not null);
    }
}
