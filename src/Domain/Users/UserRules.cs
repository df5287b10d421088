namespace ChatPlatform.Domain.Users;

/// <summary>Shape rules for user fields, shared by validators and the entity.</summary>
public static class UserRules
{
    public const int UserNameMinLength = 3;
    public const int UserNameMaxLength = 32;
    public const string UserNamePattern = @"^[A-Za-z0-9_.-]{3,32}\z";
    public const int EmailMaxLength = 254;
    public const int NameMaxLength = 100;
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;
}
