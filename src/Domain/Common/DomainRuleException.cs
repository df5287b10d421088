namespace ChatPlatform.Domain.Common;

/// <summary>Thrown when an operation would break one of the domain's invariants.</summary>
public sealed class DomainRuleException(string code, string message) : Exception(message)
{
    /// <summary>The stable machine code of the broken rule, as listed in the API contract.</summary>
    public string Code { get; } = code;
}
