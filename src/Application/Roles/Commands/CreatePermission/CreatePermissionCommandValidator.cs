using ChatPlatform.Application.Common.Validation;
using ChatPlatform.Domain.Roles;
using FluentValidation;

namespace ChatPlatform.Application.Roles.Commands.CreatePermission;

public sealed class CreatePermissionCommandValidator : AbstractValidator<CreatePermissionCommand>
{
    public CreatePermissionCommandValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(Permission.CodeMaxLength).Matches(Permission.CodePattern)
            .WithMessage("Code must be lower-case dot-separated segments of letters, digits and '_', such as 'rooms.archive'.");
        RuleFor(c => c.Description).MaximumLength(Permission.DescriptionMaxLength).NoControlCharacters();
    }
}
