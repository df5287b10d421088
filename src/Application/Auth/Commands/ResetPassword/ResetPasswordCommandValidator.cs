using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Users.Common;
using FluentValidation;

namespace ChatPlatform.Application.Auth.Commands.ResetPassword;

public sealed class ResetPasswordCommandValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordCommandValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Code).NotEmpty().MaximumLength(AccountCodeRules.MaxLength);
        RuleFor(c => c.NewPassword).StrongPassword();
    }
}
