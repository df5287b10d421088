namespace ChatPlatform.Domain.Messages;

public static class MessageRules
{
    public const int ContentMaxLength = 4000;
}
