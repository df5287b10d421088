using FluentValidation;

namespace ChatPlatform.Application.Common.Validation;

/// <summary>
/// Rules every text field shares. Text is taken as given, never trimmed into validity; control
/// characters (U+0000-U+001F, U+007F) are refused, as PostgreSQL cannot store NUL and a line break
/// would make a lookalike of another name.
/// </summary>
public static class TextRules
{
    public const int MaxPage = 1_000_000;

    public static bool IsControl(char c) => c < '\u0020' || c == '\u007F';

    public static bool HasControlCharacter(string? value) => value is not null && value.Any(IsControl);

    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => !HasControlCharacter(value)).WithMessage("Control characters are not allowed.");

    /// <summary>For message content: tab and line breaks are text there; any other control character is not.</summary>
    public static IRuleBuilderOptions<T, string?> NoControlCharactersButLineBreaks<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || !value.Any(c => IsControl(c) && c is not ('\t' or '\r' or '\n')))
            .WithMessage("Control characters other than tab and line breaks are not allowed.");

    /// <summary>A page number of the contract's paged lists: 1 to 1,000,000.</summary>
    public static IRuleBuilderOptions<T, int> ValidPage<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxPage);
}
