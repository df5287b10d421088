using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Common.Validation;
using ChatPlatform.Application.Rooms.Common;
using FluentValidation;

namespace ChatPlatform.Application.Rooms.Queries.GetRooms;

public sealed class GetRoomsQueryValidator : AbstractValidator<GetRoomsQuery>
{
    public GetRoomsQueryValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).InclusiveBetween(1, PagedList<RoomDto>.MaxPageSize);
        RuleFor(q => q.Search).MaximumLength(100).NoControlCharacters();
    }
}
