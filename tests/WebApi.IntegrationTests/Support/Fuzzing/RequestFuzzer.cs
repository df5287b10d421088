using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatPlatform.WebApi.IntegrationTests.Support.Fuzzing;

/// <summary>
/// Generates bad requests for an operation of the OpenAPI document: a valid request built from
/// the operation's schemas and the fixture, then one or two mutations of its body, path, query
/// or headers. Deterministic for a given <see cref="Random"/>.
/// </summary>
public sealed class RequestFuzzer(OpenApiSchemas schemas, Random random)
{
    private const int HugeString = 70_000;
    private const int OverLimit = 1_100_000;
    private const int LongValue = 3_000;

    public FuzzRequest Next(int number, OpenApiOperation operation, FuzzFixture fixture)
    {
        var draft = Baseline(operation, fixture);
        var mutations = random.NextDouble() < 0.25 ? 2 : 1;
        for (var i = 0; i < mutations; i++)
        {
            Mutate(draft, operation, fixture);
        }

        return draft.Build(number);
    }

    private RequestDraft Baseline(OpenApiOperation operation, FuzzFixture fixture)
    {
        var draft = new RequestDraft(operation.Method, operation.PathTemplate) { Accept = "application/json" };
        var segments = operation.PathTemplate.Split('/');
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.InPath)
            {
                var at = Array.IndexOf(segments, "{" + parameter.Name + "}");
                draft.PathValues[parameter.Name] = fixture.PathValueFor(segments[at - 1]) ?? ValidScalar(parameter.Schema, fixture);
            }
            else if (parameter.InQuery && random.NextDouble() < 0.5)
            {
                draft.Query.Add(new(parameter.Name, Uri.EscapeDataString(ValidQueryValue(parameter, fixture))));
            }
        }

        if (operation.BodySchema is { } schema)
        {
            draft.Body = ValidNode(schema, fixture, depth: 0);
            draft.SendsBody = true;
            draft.ContentType = "application/json";
        }

        if (operation.RequiresAuthentication || random.NextDouble() < 0.2)
        {
            draft.Authorization = "Bearer " + fixture.Admin.AccessToken;
        }

        return draft;
    }

    private void Mutate(RequestDraft draft, OpenApiOperation operation, FuzzFixture fixture)
    {
        var hasBody = operation.BodySchema is not null;
        var hasPath = operation.Parameters.Any(p => p.InPath);
        var hasQuery = operation.Parameters.Any(p => p.InQuery);
        var choices = new List<(int Weight, Action<RequestDraft> Apply)>
        {
            (hasBody ? 40 : 3, d => MutateBody(d, operation, fixture)),
            (hasPath ? 14 : 0, d => MutatePath(d, operation)),
            (hasQuery ? 12 : 3, d => MutateQuery(d, operation, fixture)),
            (hasBody ? 10 : 0, MutateContentType),
            (8, MutateAccept),
            (operation.RequiresAuthentication ? 12 : 4, d => MutateAuthorization(d, fixture)),
            (2, MutateMethod),
            (2, d => d.Mutations.Add("none")),
        };
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (weight, apply) in choices)
        {
            if (roll < weight)
            {
                apply(draft);
                return;
            }

            roll -= weight;
        }
    }

    private void MutateBody(RequestDraft draft, OpenApiOperation operation, FuzzFixture fixture)
    {
        if (draft.Body is null)
        {
            // An operation without a body gets one anyway.
            draft.SendsBody = true;
            draft.ContentType = "application/json";
            draft.Body = new JsonObject { ["unexpected"] = Pick(FuzzValues.Strings) };
            draft.Mutations.Add("unexpected body");
            return;
        }

        var slots = Slots(draft.Body).ToList();
        var kind = random.Next(14);
        if (slots.Count == 0 && kind < 9)
        {
            kind = 11;
        }

        switch (kind)
        {
            case 0:
                SetRandomSlot(draft, slots, "wrong type", draft.Raw(Pick(FuzzValues.WrongTypes)));
                break;
            case 1:
                SetRandomSlot(draft, slots, "null", null);
                break;
            case 2:
                SetRandomSlot(draft, slots, "huge string", JsonValue.Create(new string(Pick("aZ9.é名"), HugeString)));
                break;
            case 3:
                SetRandomSlot(draft, slots, "huge number", draft.Raw(Pick(FuzzValues.Numbers)));
                break;
            case 4:
                SetRandomSlot(draft, slots, "hostile string", JsonValue.Create(Pick(FuzzValues.Strings)));
                break;
            case 5:
                SetRandomSlot(draft, slots, "escaped string", draft.Raw(Pick(FuzzValues.EscapedStrings)));
                break;
            case 6:
                SetRandomSlot(draft, slots, "invalid UTF-8", draft.Raw([(byte)'"', .. Encoding.UTF8.GetBytes("ab"), .. Pick(FuzzValues.InvalidUtf8), (byte)'"']));
                break;
            case 7:
                SetRandomSlot(draft, slots, "deep nesting", draft.Raw(Nesting()));
                break;
            case 8:
                RemoveRandomSlot(draft, slots);
                break;
            case 9:
                DuplicateKey(draft, operation, fixture);
                break;
            case 10:
                ExtraProperty(draft);
                break;
            case 11:
                draft.RawBody = Encoding.UTF8.GetBytes(Pick(FuzzValues.Bodies));
                draft.Mutations.Add("not an object");
                break;
            case 12:
                draft.RawBody = Encoding.UTF8.GetBytes(Nesting());
                draft.Mutations.Add("deep nesting");
                break;
            default:
                if (slots.Count > 0 && random.Next(3) == 0)
                {
                    SetRandomSlot(draft, slots, "body over 1 MB", JsonValue.Create(new string('a', OverLimit)));
                }
                else
                {
                    draft.RawBody = RandomBytes(random.Next(1, 300));
                    draft.Mutations.Add("random bytes");
                }

                break;
        }
    }

    private void MutatePath(RequestDraft draft, OpenApiOperation operation)
    {
        var parameter = Pick(operation.Parameters.Where(p => p.InPath).ToList());
        var value = random.Next(8) == 0 ? new string('a', LongValue) : Pick(FuzzValues.PathSegments);
        draft.PathValues[parameter.Name] = value;
        draft.Mutations.Add($"path {parameter.Name}");
    }

    private void MutateQuery(RequestDraft draft, OpenApiOperation operation, FuzzFixture fixture)
    {
        var declared = operation.Parameters.Where(p => p.InQuery).Select(p => p.Name).ToList();
        var name = declared.Count > 0 && random.Next(5) > 0 ? Pick(declared) : Pick(["page", "pageSize", "limit", "search", "before", "after", "useCookie", "unknown", "%00", ""]);
        switch (random.Next(4))
        {
            case 0:
                // The same parameter twice: page=1&page=2.
                draft.Query.Add(new(name, "1"));
                draft.Query.Add(new(name, Pick(FuzzValues.QueryValues)));
                draft.Mutations.Add($"query {name} twice");
                break;
            case 1:
                draft.Query.RemoveAll(q => q.Key == name);
                draft.Query.Add(new(name, new string('a', LongValue)));
                draft.Mutations.Add($"query {name} long");
                break;
            case 2 when declared.Contains("before") && declared.Contains("after"):
                draft.Query.RemoveAll(q => q.Key is "before" or "after");
                draft.Query.Add(new("before", fixture.MessageId.ToString()));
                draft.Query.Add(new("after", fixture.MessageId.ToString()));
                draft.Mutations.Add("query before and after");
                break;
            default:
                draft.Query.RemoveAll(q => q.Key == name);
                draft.Query.Add(new(name, Pick(FuzzValues.QueryValues)));
                draft.Mutations.Add($"query {name}");
                break;
        }
    }

    private void MutateContentType(RequestDraft draft)
    {
        switch (random.Next(4))
        {
            case 0:
                draft.ContentType = "application/json; charset=utf-16";
                draft.Utf16 = true;
                draft.Mutations.Add("UTF-16 body");
                break;
            case 1:
                draft.ContentType = null;
                draft.Mutations.Add("no content type");
                break;
            default:
                draft.ContentType = Pick(FuzzValues.ContentTypes);
                draft.Mutations.Add("content type");
                break;
        }
    }

    private void MutateAccept(RequestDraft draft)
    {
        draft.Accept = random.Next(6) == 0 ? null : Pick(FuzzValues.Accepts);
        draft.Mutations.Add("accept");
    }

    private void MutateAuthorization(RequestDraft draft, FuzzFixture fixture)
    {
        var token = fixture.Admin.AccessToken;
        draft.Authorization = random.Next(9) switch
        {
            0 => null,
            1 => "Bearer " + fixture.Admin.RefreshToken,
            2 => "Bearer " + token[..^2] + (token[^2] == 'A' ? "BA" : "AA"),
            3 => "Bearer " + WithForeignPayload(token),
            4 => "bearer " + token,
            5 => "Bearer  " + token + " extra",
            6 => "Bearer " + new string('a', 6_000),
            7 => "Bearer " + Base64Url("{\"alg\":\"none\"}") + "." + token.Split('.')[1] + ".",
            _ => Pick(FuzzValues.PlainAuthorizations),
        };
        draft.Mutations.Add("authorization");
    }

    private void MutateMethod(RequestDraft draft)
    {
        draft.Method = Pick(FuzzValues.OtherMethods);
        draft.Mutations.Add("method");
    }

    private void SetRandomSlot(RequestDraft draft, List<(JsonNode Parent, string? Key, int Index)> slots, string mutation, JsonNode? value)
    {
        var (parent, key, index) = Pick(slots);
        if (key is not null)
        {
            parent.AsObject()[key] = value;
        }
        else
        {
            parent.AsArray()[index] = value;
        }

        draft.Mutations.Add($"{mutation} at {key ?? "[" + index + "]"}");
    }

    private void RemoveRandomSlot(RequestDraft draft, List<(JsonNode Parent, string? Key, int Index)> slots)
    {
        var (parent, key, index) = Pick(slots);
        if (key is not null)
        {
            parent.AsObject().Remove(key);
        }
        else
        {
            parent.AsArray().RemoveAt(index);
        }

        draft.Mutations.Add($"missing {key ?? "[" + index + "]"}");
    }

    /// <summary>A property written twice, the second time with a hostile value or a valid one.</summary>
    private void DuplicateKey(RequestDraft draft, OpenApiOperation operation, FuzzFixture fixture)
    {
        var names = operation.BodySchema is { } schema && schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => p.Name).ToList()
            : [];
        var name = names.Count > 0 ? Pick(names) : "a";
        var value = random.Next(2) == 0
            ? Pick(FuzzValues.WrongTypes)
            : fixture.ValueFor(name)?.GetRawText() ?? JsonSerializer.Serialize(Pick(FuzzValues.Strings));
        var key = random.Next(4) == 0 ? char.ToUpperInvariant(name[0]) + name[1..] : name;
        draft.EditText(bytes =>
        {
            var text = Encoding.UTF8.GetString(bytes).TrimEnd();
            return text.EndsWith('}')
                ? Encoding.UTF8.GetBytes($"{text[..^1].TrimEnd()}{(text.Length > 2 ? "," : "")}\"{key}\":{value}}}")
                : bytes;
        });
        draft.Mutations.Add($"duplicate key {key}");
    }

    /// <summary>A property the schema does not have: privileges, metadata, prototype pollution.</summary>
    private void ExtraProperty(RequestDraft draft)
    {
        if (draft.Body is not JsonObject body)
        {
            return;
        }

        var name = Pick(["roles", "isAdmin", "permissions", "id", "userId", "createdBy", "emailConfirmed", "__proto__", "constructor", "$type", "$ref", "$id", "$values", ""]);
        body[name] = draft.Raw(Pick(FuzzValues.WrongTypes));
        draft.Mutations.Add($"extra property '{name}'");
    }

    private string Nesting()
    {
        var depth = Pick([65, 257, 5_000]);
        return random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
    }

    private string ValidQueryValue(OpenApiParameter parameter, FuzzFixture fixture) =>
        (OpenApiSchemas.Type(parameter.Schema), OpenApiSchemas.Format(parameter.Schema)) switch
        {
            ("integer", _) => parameter.Schema.TryGetProperty("default", out var value) ? value.ToString() : "1",
            ("boolean", _) => "false",
            ("string", "uuid") => fixture.MessageId.ToString(),
            _ => "fuzz",
        };

    private string ValidScalar(JsonElement schema, FuzzFixture fixture) =>
        OpenApiSchemas.Format(schema) == "uuid" ? (random.Next(2) == 0 ? fixture.OtherUserId : NewGuid()).ToString() : "fuzz";

    private JsonNode? ValidNode(JsonElement schema, FuzzFixture fixture, int depth)
    {
        schema = schemas.Resolve(schema);
        switch (OpenApiSchemas.Type(schema))
        {
            case "object":
                var node = new JsonObject();
                if (depth < 5 && schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        node[property.Name] = fixture.ValueFor(property.Name) is { } known
                            ? JsonNode.Parse(known.GetRawText())
                            : ValidNode(property.Value, fixture, depth + 1);
                    }
                }

                return node;
            case "array":
                return schema.TryGetProperty("items", out var items) ? new JsonArray(ValidNode(items, fixture, depth + 1)) : new JsonArray();
            case "integer" or "number":
                return JsonValue.Create(1);
            case "boolean":
                return JsonValue.Create(false);
            case "string":
                return JsonValue.Create(OpenApiSchemas.Format(schema) == "uuid" ? NewGuid().ToString() : "fuzz");
            default:
                return null;
        }
    }

    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Slots(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    yield return (obj, key, -1);
                    foreach (var slot in Slots(child))
                    {
                        yield return slot;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, null, i);
                    foreach (var slot in Slots(array[i]))
                    {
                        yield return slot;
                    }
                }

                break;
        }
    }

    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>The token's header and signature around a payload it was not signed with.</summary>
    private static string WithForeignPayload(string token)
    {
        var parts = token.Split('.');
        return $"{parts[0]}.{Base64Url("{\"sub\":\"x\",\"role\":\"admin\"}")}.{parts[^1]}";
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];

    private char Pick(string characters) => characters[random.Next(characters.Length)];
}
