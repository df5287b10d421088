using ChatPlatform.Application.Auth.Common;
using FluentValidation;

namespace ChatPlatform.Application.Auth.Commands.ConfirmEmail;

public sealed class ConfirmEmailCommandValidator : AbstractValidator<ConfirmEmailCommand>
{
    public ConfirmEmailCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Code).NotEmpty().MaximumLength(AccountCodeRules.MaxLength);
    }
}
