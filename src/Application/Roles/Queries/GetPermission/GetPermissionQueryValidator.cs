using ChatPlatform.Application.Common.Validation;
using FluentValidation;

namespace ChatPlatform.Application.Roles.Queries.GetPermission;

public sealed class GetPermissionQueryValidator : AbstractValidator<GetPermissionQuery>
{
    public GetPermissionQueryValidator()
    {
        RuleFor(q => q.Code).NotEmpty().NoControlCharacters();
    }
}
