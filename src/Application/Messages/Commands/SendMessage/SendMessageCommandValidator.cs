using ChatPlatform.Application.Common.Validation;
using ChatPlatform.Domain.Messages;
using FluentValidation;

namespace ChatPlatform.Application.Messages.Commands.SendMessage;

public sealed class SendMessageCommandValidator : AbstractValidator<SendMessageCommand>
{
    public SendMessageCommandValidator()
    {
        RuleFor(c => c.Room).NotEmpty().MaximumLength(256).NoControlCharacters();
        RuleFor(c => c.Content)
            .Must(content => !string.IsNullOrWhiteSpace(content)).WithMessage("A message cannot be empty.")
            .Must(content => content is null || content.Trim().Length <= MessageRules.ContentMaxLength)
            .WithMessage("A message is at most 4000 characters after trimming.")
            .NoControlCharactersButLineBreaks();
    }
}
