using ChatPlatform.Domain.Audit;
using FluentValidation;

namespace ChatPlatform.Application.Audit.Queries.GetAuditEvents;

public sealed class GetAuditEventsQueryValidator : AbstractValidator<GetAuditEventsQuery>
{
    public const int MaxLimit = 100;

    public GetAuditEventsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit);
        RuleFor(q => q.Type)
            .Must(type => type is null || AuditEventTypes.All.Contains(type))
            .WithMessage("Unknown audit event type.");
    }
}
