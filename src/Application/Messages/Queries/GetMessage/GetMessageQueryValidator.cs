using ChatPlatform.Application.Common.Validation;
using FluentValidation;

namespace ChatPlatform.Application.Messages.Queries.GetMessage;

public sealed class GetMessageQueryValidator : AbstractValidator<GetMessageQuery>
{
    public GetMessageQueryValidator()
    {
        RuleFor(q => q.Room).NotEmpty().MaximumLength(256).NoControlCharacters();
    }
}
