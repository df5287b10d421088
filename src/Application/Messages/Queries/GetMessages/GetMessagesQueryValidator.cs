using FluentValidation;

namespace ChatPlatform.Application.Messages.Queries.GetMessages;

public sealed class GetMessagesQueryValidator : AbstractValidator<GetMessagesQuery>
{
    public GetMessagesQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 100);
    }
}
