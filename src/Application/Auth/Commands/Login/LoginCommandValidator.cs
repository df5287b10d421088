using ChatPlatform.Application.Common.Validation;
using FluentValidation;

namespace ChatPlatform.Application.Auth.Commands.Login;

public sealed class LoginCommandValidator : AbstractValidator<LoginCommand>
{
    public LoginCommandValidator()
    {
        RuleFor(c => c.Username).NotEmpty().MaximumLength(256).NoControlCharacters();
        RuleFor(c => c.Password).NotEmpty().MaximumLength(256);
    }
}
