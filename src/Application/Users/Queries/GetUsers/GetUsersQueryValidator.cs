using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Common.Validation;
using ChatPlatform.Application.Users.Common;
using FluentValidation;

namespace ChatPlatform.Application.Users.Queries.GetUsers;

public sealed class GetUsersQueryValidator : AbstractValidator<GetUsersQuery>
{
    public GetUsersQueryValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).InclusiveBetween(1, PagedList<UserDto>.MaxPageSize);
        RuleFor(q => q.Search).MaximumLength(256).NoControlCharacters();
    }
}
