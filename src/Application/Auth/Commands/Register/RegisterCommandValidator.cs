using ChatPlatform.Application.Users.Common;
using FluentValidation;

namespace ChatPlatform.Application.Auth.Commands.Register;

public sealed class RegisterCommandValidator : AbstractValidator<RegisterCommand>
{
    public RegisterCommandValidator()
    {
        RuleFor(c => c.Username).ValidUserName();
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).StrongPassword();
        RuleFor(c => c.ConfirmPassword)
            .NotEmpty()
            .Equal(c => c.Password).WithMessage("Passwords do not match.");
        RuleFor(c => c.FirstName).ValidPersonName();
        RuleFor(c => c.LastName).ValidPersonName();
    }
}
