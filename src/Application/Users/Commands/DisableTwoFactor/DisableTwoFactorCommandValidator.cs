using FluentValidation;

namespace ChatPlatform.Application.Users.Commands.DisableTwoFactor;

public sealed class DisableTwoFactorCommandValidator : AbstractValidator<DisableTwoFactorCommand>
{
    public DisableTwoFactorCommandValidator()
    {
        RuleFor(c => c.Password).NotEmpty().MaximumLength(256);
    }
}
