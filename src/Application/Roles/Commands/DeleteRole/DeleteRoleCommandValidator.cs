using ChatPlatform.Application.Roles.Common;
using FluentValidation;

namespace ChatPlatform.Application.Roles.Commands.DeleteRole;

public sealed class DeleteRoleCommandValidator : AbstractValidator<DeleteRoleCommand>
{
    public DeleteRoleCommandValidator()
    {
        RuleFor(c => c.Name).RoleNameInPath();
    }
}
