using ChatPlatform.Application.Common.Validation;
using ChatPlatform.Domain.Rooms;
using FluentValidation;

namespace ChatPlatform.Application.Rooms.Commands.CreateRoom;

public sealed class CreateRoomCommandValidator : AbstractValidator<CreateRoomCommand>
{
    public CreateRoomCommandValidator()
    {
        RuleFor(c => c.Name)
            .NotEmpty()
            .MaximumLength(RoomRules.NameMaxLength)
            .Matches(RoomRules.NamePattern).WithMessage("Use only letters, digits, '_' and '-'.");
        RuleFor(c => c.Description).MaximumLength(RoomRules.DescriptionMaxLength).NoControlCharacters();
    }
}
