namespace ChatPlatform.WebApi.IntegrationTests.Support.Fuzzing;

/// <summary>The catalogue of hostile values the fuzzer draws from (the attack report's and a few more).</summary>
public static class FuzzValues
{
    /// <summary>Strings a text field should refuse or survive: control characters, odd Unicode, injections.</summary>
    public static readonly string[] Strings =
    [
        "a\u0000b", "\u0000", "\u0001", "x\u007F", "\u001B[31mred", "tab\there", "line\r\nbreak", "\uFEFFbom", "\u202Eevil",
        "\u2028", "", " ", "   padded   ", "%00", "' OR 1=1 --", "\"; DROP TABLE users; --", "<script>alert(1)</script>",
        "../../etc/passwd", "${jndi:ldap://x}", "💩", "ü名字", "e\u0301\u0301\u0301", "null", "undefined", "NaN", "-1", "0",
        "2147483647", "00000000-0000-0000-0000-000000000000", "admin", "a@b", "@", "x@example.com\u0000",
    ];

    /// <summary>Numbers as raw JSON tokens, several beyond what any .NET numeric type holds.</summary>
    public static readonly string[] Numbers =
    [
        "0", "-1", "1.5", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809",
        "123456789012345678901234567890", "1e309", "-1e309", "1e-400", "1E+2", "-0", "0.000000000000000000000000001",
    ];

    /// <summary>JSON values of every kind, for "wrong type" mutations.</summary>
    public static readonly string[] WrongTypes =
    [
        "123", "-1", "1.5", "true", "false", "\"text\"", "[]", "{}", "[1,2,3]", "{\"a\":1}", "[null]", "[\"user\",\"admin\"]", "\"\"",
    ];

    /// <summary>Strings that are not valid UTF-8 as raw bytes: bad continuation, stray bytes, surrogates, overlong, truncated.</summary>
    public static readonly byte[][] InvalidUtf8 =
    [
        [0xC3, 0x28], [0xFF, 0xFE], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE2, 0x82], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ];

    /// <summary>Escaped JSON strings that decode to invalid UTF-16 (lone surrogates) or control characters.</summary>
    public static readonly string[] EscapedStrings =
    [
        "\"\\ud800\"", "\"\\udfff\"", "\"a\\ud800b\"", "\"\\u0000\"", "\"\\u0000admin\"", "\"\\u001f\"", "\"\\uffff\"",
    ];

    /// <summary>Whole bodies that are not the expected object.</summary>
    public static readonly string[] Bodies =
    [
        "", " ", "[]", "[{}]", "\"text\"", "42", "true", "null", "{", "{\"a\":", "}{", "{\"a\":1}{\"b\":2}", "{'a':'b'}", "{a:1}",
        "{\"a\":1,}", "/* comment */ {}", "\uFEFF{}", "{\"username\":\"x\"", "[[[[", "{\"\":\"\"}", "{\"a\":NaN}", "{\"a\":Infinity}",
        "\u0000", "<xml/>", "username=a&password=b",
    ];

    /// <summary>Raw, already percent-encoded path segment values.</summary>
    public static readonly string[] PathSegments =
    [
        "2147483647", "-2147483648", "99999999999999999999", "0", "-1", "%20", "%20%20", "%09", "%0A", "%0D", "%01", "%7F", "%00",
        "a%00b", "%2F", "%2e%2e", ".", "%25", "%zz", "%C3%28", "%ED%A0%80", "%FF", "%F0%9F%92%A9", "a%20b", "null", "undefined",
        "00000000-0000-0000-0000-000000000000", "not-a-guid", "%7Bid%7D", "'", "%22", "%3Cscript%3E", "%E2%80%AE", "%EF%BB%BF",
        "ADMIN", "a.b.c", "..%2F..%2Fetc",
    ];

    /// <summary>Raw, already percent-encoded query values.</summary>
    public static readonly string[] QueryValues =
    [
        "2147483647", "2147483648", "-2147483648", "-1", "0", "1.5", "1e3", "abc", "", "%00", "%20", "%01", "true", "maybe",
        "%C3%28", "99999999999999999999", "0x10", "%2B1", "%201", "1%00", "not-a-guid", "00000000-0000-0000-0000-000000000000",
        "%E2%80%AE", "a%0Ab", "%FF%FE",
    ];

    public static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1",
        "application/json; charset=\"utf-8\"", "application/json;charset=UTF-32", "application/json; charset=garbage", "application/json; charset=", "application/json; a=", "application/json; =", "application/json; charset=\"",
        "application/merge-patch+json", "application/problem+json", "*/*", "garbage", "application/", ";", "", "text/json", "application/JSON",
        "application/json; charset=utf-8; charset=utf-16", "application/vnd.api+json; charset=iso-8859-1",
    ];

    public static readonly string[] Accepts =
    [
        "application/xml", "text/plain", "text/html", "image/png", "*/*;q=0", "application/json;q=0", "garbage/", ";;;",
        "application/problem+xml", "text/event-stream", "application/json;q=abc", "*/*", "", "application/*",
    ];

    public static readonly string[] PlainAuthorizations =
    [
        "Bearer", "Bearer ", "Bearer garbage", "Bearer a.b.c", "Bearer ...", "Basic dXNlcjpwYXNz", "Digest x", "garbage",
        "Bearer eyJhbGciOiJub25lIn0.e30.", "Bearer eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln", "Bearer %00",
    ];

    public static readonly string[] OtherMethods = ["PATCH", "OPTIONS"];
}
