using FluentValidation;

namespace ChatPlatform.Application.Users.Commands.ConfirmTwoFactor;

public sealed class ConfirmTwoFactorCommandValidator : AbstractValidator<ConfirmTwoFactorCommand>
{
    public ConfirmTwoFactorCommandValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(16);
    }
}
