using FluentValidation;

namespace ChatPlatform.Application.Auth.Commands.LoginTwoFactor;

public sealed class LoginTwoFactorCommandValidator : AbstractValidator<LoginTwoFactorCommand>
{
    public LoginTwoFactorCommandValidator()
    {
        RuleFor(c => c.ChallengeToken).NotEmpty().MaximumLength(256);
        RuleFor(c => c.Code).NotEmpty().MaximumLength(16);
    }
}
