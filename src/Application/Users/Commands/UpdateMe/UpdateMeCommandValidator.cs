using ChatPlatform.Application.Users.Common;
using FluentValidation;

namespace ChatPlatform.Application.Users.Commands.UpdateMe;

public sealed class UpdateMeCommandValidator : AbstractValidator<UpdateMeCommand>
{
    public UpdateMeCommandValidator()
    {
        RuleFor(c => c.Username!).ValidUserName().When(c => c.Username is not null);
        RuleFor(c => c.Email!).ValidEmail().When(c => c.Email is not null);
        RuleFor(c => c.FirstName).ValidPersonName();
        RuleFor(c => c.LastName).ValidPersonName();
        RuleFor(c => c.CurrentPassword).MaximumLength(256);
    }
}
