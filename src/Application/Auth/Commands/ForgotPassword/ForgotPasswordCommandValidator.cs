using ChatPlatform.Application.Users.Common;
using FluentValidation;

namespace ChatPlatform.Application.Auth.Commands.ForgotPassword;

public sealed class ForgotPasswordCommandValidator : AbstractValidator<ForgotPasswordCommand>
{
    public ForgotPasswordCommandValidator() => RuleFor(c => c.Email).ValidEmail();
}
