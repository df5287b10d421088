using ChatPlatform.Application.Roles.Common;
using FluentValidation;

namespace ChatPlatform.Application.Roles.Queries.GetRole;

public sealed class GetRoleQueryValidator : AbstractValidator<GetRoleQuery>
{
    public GetRoleQueryValidator()
    {
        RuleFor(q => q.Name).RoleNameInPath();
    }
}
