using ChatPlatform.Application.Common.Validation;
using FluentValidation;

namespace ChatPlatform.Application.Rooms.Queries.GetRoom;

public sealed class GetRoomQueryValidator : AbstractValidator<GetRoomQuery>
{
    public GetRoomQueryValidator()
    {
        // The hub's JoinRoom and Typing come here without a route's checks.
        RuleFor(q => q.Name).NotEmpty().MaximumLength(256).NoControlCharacters().OverridePropertyName("room");
    }
}
