using FluentValidation;

namespace ChatPlatform.Application.Auth.Queries.VerifyToken;

public sealed class VerifyTokenQueryValidator : AbstractValidator<VerifyTokenQuery>
{
    public VerifyTokenQueryValidator()
    {
        RuleFor(q => q.Token).NotEmpty().MaximumLength(8192);
    }
}
