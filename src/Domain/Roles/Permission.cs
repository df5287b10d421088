using System.Text.RegularExpressions;
using ChatPlatform.Domain.Common;

namespace ChatPlatform.Domain.Roles;

/// <summary>A named capability that roles grant, such as <c>rooms.create</c>.</summary>
public sealed partial class Permission
{
    public const string CodePattern = @"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\z";
    public const int CodeMaxLength = 100;
    public const int DescriptionMaxLength = 500;

    private Permission()
    {
        Code = string.Empty;
    }

    public string Code { get; private set; }
    public string? Description { get; private set; }
    public bool IsSystem { get; private set; }

    public static Permission Create(string code, string? description, bool isSystem = false)
    {
        if (code.Length > CodeMaxLength || !CodeRegex().IsMatch(code))
        {
            throw new DomainRuleException(DomainErrorCodes.ValidationFailed, $"'{code}' is not a valid permission code.");
        }

        return new Permission { Code = code, Description = description, IsSystem = isSystem };
    }

    public void EnsureDeletable()
    {
        if (IsSystem)
        {
            throw new DomainRuleException(DomainErrorCodes.SystemPermission, $"The system permission '{Code}' cannot be deleted.");
        }
    }

    [GeneratedRegex(CodePattern)]
    private static partial Regex CodeRegex();
}
