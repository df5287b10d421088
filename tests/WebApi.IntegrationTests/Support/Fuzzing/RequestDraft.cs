using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatPlatform.WebApi.IntegrationTests.Support.Fuzzing;

/// <summary>
/// A request being built: a valid one first, then changed by mutations. Values that JSON cannot
/// hold (invalid UTF-8, numbers beyond double, deep nesting) go in as markers that become raw
/// bytes after serialisation.
/// </summary>
public sealed class RequestDraft(string method, string pathTemplate)
{
    private static readonly JsonSerializerOptions Serialisation = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, byte[]> _raw = [];
    private readonly List<Func<byte[], byte[]>> _textEdits = [];

    public string Method { get; set; } = method;
    public Dictionary<string, string> PathValues { get; } = [];
    public List<KeyValuePair<string, string>> Query { get; } = [];
    public JsonNode? Body { get; set; }
    public bool SendsBody { get; set; }

    /// <summary>The whole body as bytes, in place of <see cref="Body"/>.</summary>
    public byte[]? RawBody { get; set; }

    public string? ContentType { get; set; }
    public bool Utf16 { get; set; }
    public string? Accept { get; set; }
    public string? Authorization { get; set; }
    public List<string> Mutations { get; } = [];

    /// <summary>A JSON string node standing for raw bytes in the serialised body.</summary>
    public JsonNode Raw(byte[] bytes)
    {
        var marker = $"__fuzz_raw_{_raw.Count}__";
        _raw[marker] = bytes;
        return JsonValue.Create(marker);
    }

    public JsonNode Raw(string json) => Raw(Encoding.UTF8.GetBytes(json));

    /// <summary>An edit of the serialised body text (a duplicate key, a trailing value).</summary>
    public void EditText(Func<byte[], byte[]> edit) => _textEdits.Add(edit);

    public FuzzRequest Build(int number)
    {
        var path = PathValues.Aggregate(pathTemplate, (current, value) => current.Replace("{" + value.Key + "}", value.Value, StringComparison.Ordinal));
        var target = Query.Count == 0 ? path : path + "?" + string.Join("&", Query.Select(q => $"{q.Key}={q.Value}"));

        var headers = new List<KeyValuePair<string, string>>();
        if (Accept is not null)
        {
            headers.Add(new("Accept", Accept));
        }

        if (Authorization is not null)
        {
            headers.Add(new("Authorization", Authorization));
        }

        return new FuzzRequest(number, Method, target, headers, SendsBody ? ContentType : null, SendsBody ? Serialise() : null, string.Join(" + ", Mutations));
    }

    private byte[] Serialise()
    {
        var bytes = RawBody ?? (Body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(Body, Serialisation));
        foreach (var (marker, raw) in _raw)
        {
            bytes = Replace(bytes, Encoding.UTF8.GetBytes($"\"{marker}\""), raw);
        }

        bytes = _textEdits.Aggregate(bytes, (current, edit) => edit(current));
        return Utf16 ? Encoding.Convert(Encoding.UTF8, Encoding.Unicode, bytes) : bytes;
    }

    private static byte[] Replace(byte[] source, byte[] find, byte[] replacement)
    {
        var at = source.AsSpan().IndexOf(find);
        return at < 0 ? source : [.. source.AsSpan(0, at), .. replacement, .. source.AsSpan(at + find.Length)];
    }
}
