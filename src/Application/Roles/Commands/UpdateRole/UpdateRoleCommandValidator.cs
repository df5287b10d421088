using ChatPlatform.Application.Roles.Common;
using FluentValidation;

namespace ChatPlatform.Application.Roles.Commands.UpdateRole;

public sealed class UpdateRoleCommandValidator : AbstractValidator<UpdateRoleCommand>
{
    public UpdateRoleCommandValidator()
    {
        RuleFor(c => c.Name).RoleNameInPath();
        RuleFor(c => c.Description).ValidDescription();
        RuleFor(c => c.Permissions).ValidPermissionList();
    }
}
