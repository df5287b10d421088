using FluentValidation;

namespace ChatPlatform.Application.Messages.Queries.GetMessagesAfter;

public sealed class GetMessagesAfterQueryValidator : AbstractValidator<GetMessagesAfterQuery>
{
    public GetMessagesAfterQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 100);
    }
}
