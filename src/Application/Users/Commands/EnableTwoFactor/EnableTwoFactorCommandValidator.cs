using FluentValidation;

namespace ChatPlatform.Application.Users.Commands.EnableTwoFactor;

public sealed class EnableTwoFactorCommandValidator : AbstractValidator<EnableTwoFactorCommand>
{
    public EnableTwoFactorCommandValidator()
    {
        RuleFor(c => c.Password).NotEmpty().MaximumLength(256);
    }
}
