using System.Text.RegularExpressions;
using ChatPlatform.Domain.Common;

namespace ChatPlatform.Domain.Rooms;

/// <summary>A named place where users chat. Names are unique whatever their case.</summary>
public sealed partial class Room
{
    private Room()
    {
        Name = string.Empty;
        NormalizedName = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string NormalizedName { get; private set; }
    public string? Description { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static Room Create(string name, string? description, Guid createdById, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(name) || name.Length > RoomRules.NameMaxLength || !NameShape().IsMatch(name))
        {
            throw new DomainRuleException(DomainErrorCodes.ValidationFailed, "A room name is 1-64 letters, digits, '_' or '-'.");
        }

        var trimmed = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (trimmed?.Length > RoomRules.DescriptionMaxLength)
        {
            throw new DomainRuleException(DomainErrorCodes.ValidationFailed, "A room description is at most 500 characters.");
        }

        return new Room
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            NormalizedName = KeyOf(name),
            Description = trimmed,
            CreatedById = createdById,
            CreatedAt = now,
        };
    }

    /// <summary>The case-insensitive key the unique index and lookups use.</summary>
    public static string KeyOf(string name) => name.ToUpperInvariant();

    public bool IsCreatedBy(Guid userId) => CreatedById == userId;

    [GeneratedRegex(RoomRules.NamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();
}
