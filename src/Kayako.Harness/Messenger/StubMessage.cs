using System.Text.Json;

namespace Kayako.Harness.Messenger;

/// <summary>
/// Reads the entries the page-side scripts (<c>Assets/kayako-channel.js</c> and <c>Assets/kayako-stub.js</c>) send
/// over the session's private console channel: a JSON object with the <c>kind</c> (a <see cref="CallLogEntryKind"/>
/// name), the page's <c>url</c>, and the kind's own fields, already structured, so nothing is parsed out of text.
/// A message that cannot be read becomes an <see cref="UnrecognizedMessage"/>, never an exception.
/// </summary>
internal static class StubMessage
{
    private const int QuotedLength = 500;

    // One reader per kind the page sends; the other kinds are logged by the harness itself. A unit test holds this
    // list and the kinds the two scripts send together.
    private static readonly Dictionary<CallLogEntryKind, Func<Fields, string, CallLogEntry>> Readers = new()
    {
        [CallLogEntryKind.DocumentStarted] = (_, url) => new DocumentStarted { PageUrl = url },
        [CallLogEntryKind.SnippetFound] = (_, url) => new SnippetFound { PageUrl = url },
        [CallLogEntryKind.Leaving] = (_, url) => new PageLeaving { PageUrl = url },
        [CallLogEntryKind.CallBeforeReady] = (f, url) => new CallBeforeReady(f.String("method"), f.String("error"), f.Location("at")) { PageUrl = url },
        [CallLogEntryKind.ErrorLocation] = (f, url) =>
            new ErrorLocation(f.String("message"), f.RequiredLocation("at"), f.Bool("inline")) { PageUrl = url },
        [CallLogEntryKind.LogLimit] = (f, url) => new LogLimitReached(LogLimitScope.Document, f.Int("limit")) { PageUrl = url },
        [CallLogEntryKind.Loaded] = (f, url) =>
            new MessengerLoaded(f.String("script"), f.OptionalString("apiUrl"), f.OptionalString("messengerUrl"), f.Form("form")) { PageUrl = url },
        [CallLogEntryKind.Config] = (f, url) => new ConfigRead(f.Value("config")) { PageUrl = url },
        [CallLogEntryKind.Call] = (f, url) => new MessengerCall(f.String("method"), f.Array("args")) { PageUrl = url, Returned = f.OptionalValue("returned") },
        [CallLogEntryKind.ReadyCallback] = (f, url) => new ReadyCallbackRan(f.OptionalInt("position"), f.OptionalInt("of")) { PageUrl = url },
        [CallLogEntryKind.Event] = (f, url) => new MessengerEvent(f.String("name"), f.Array("args"), f.Visibility("visibility")) { PageUrl = url },
        [CallLogEntryKind.ForgetCallback] = (f, url) => new ForgetCallbackRan(f.Bool("callback")) { PageUrl = url },
        [CallLogEntryKind.PageError] = (f, url) => new PageError(f.String("message"), null) { PageUrl = url },
    };

    private static readonly Dictionary<string, CallLogEntryKind> KindsByName =
        Readers.Keys.ToDictionary(kind => kind.ToString(), StringComparer.Ordinal);

    /// <summary>The kinds the page-side scripts send, by their names in the scripts.</summary>
    public static IReadOnlyCollection<string> PageKindNames => KindsByName.Keys;

    /// <summary>Reads one message into its entry (not yet logged: no sequence or timestamp).</summary>
    /// <param name="json">The message, after the channel's prefix.</param>
    /// <param name="pageUrl">The page the console message came from, for a message that names none.</param>
    /// <returns>The entry, or an <see cref="UnrecognizedMessage"/> saying what was wrong.</returns>
    public static CallLogEntry Read(string json, string pageUrl)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            return Unrecognized($"not JSON: {error.Message}", json, pageUrl);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return Unrecognized($"JSON of kind {root.ValueKind}, not an object", json, pageUrl);
        }

        var fields = new Fields(root);
        var url = fields.OptionalString("url") ?? pageUrl;
        var kind = fields.String("kind");
        if (fields.Problem is { } missingKind)
        {
            return Unrecognized(missingKind, json, url);
        }

        if (!KindsByName.TryGetValue(kind, out var known))
        {
            return Unrecognized($"unknown kind '{kind}'", json, url);
        }

        var entry = Readers[known](fields, url);
        return fields.Problem is { } problem ? Unrecognized($"the {kind} message {problem}", json, url) : entry;
    }

    private static UnrecognizedMessage Unrecognized(string problem, string json, string pageUrl) =>
        new(problem, json.Length <= QuotedLength ? json : json[..QuotedLength] + "…") { PageUrl = pageUrl };

    /// <summary>Typed reads of a message's fields; the first problem is kept and the read goes on with a default.</summary>
    private sealed class Fields(JsonElement root)
    {
        public string? Problem { get; private set; }

        public string String(string name) =>
            Get(name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : Missing<string>(name, "a string") ?? "";

        public string? OptionalString(string name) => Get(name) switch
        {
            null or { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.String } value => value.GetString(),
            _ => Missing<string>(name, "a string or null"),
        };

        public int Int(string name) => OptionalInt(name) ?? Missing<int?>(name, "a whole number") ?? 0;

        public int? OptionalInt(string name) => Get(name) switch
        {
            null or { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var number) => number,
            _ => Missing<int?>(name, "a whole number or null"),
        };

        public bool Bool(string name) => Get(name) switch
        {
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => Missing<bool?>(name, "true or false") ?? false,
        };

        public IReadOnlyList<JsonElement> Array(string name) =>
            Get(name) is { ValueKind: JsonValueKind.Array } value ? [.. value.EnumerateArray()] : Missing<JsonElement[]>(name, "an array") ?? [];

        public JsonElement Value(string name) => Get(name) ?? Missing<JsonElement?>(name, "a value") ?? default;

        // Present (JSON null included) or absent: a method that returned null differs from one that returns nothing.
        public JsonElement? OptionalValue(string name) => Get(name);

        public ScriptLocation? Location(string name) => Get(name) switch
        {
            null or { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.Object } value when value.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String &&
                                                           value.TryGetProperty("line", out var line) && line.TryGetInt32(out var lineNumber) &&
                                                           value.TryGetProperty("column", out var column) && column.TryGetInt32(out var columnNumber) =>
                new ScriptLocation(url.GetString()!, lineNumber, columnNumber),
            _ => Missing<ScriptLocation>(name, "{ url, line, column } or null"),
        };

        public ScriptLocation RequiredLocation(string name) =>
            Location(name) ?? Missing<ScriptLocation>(name, "{ url, line, column }") ?? new ScriptLocation("", 0, 0);

        public MessengerVisibility Visibility(string name) =>
            MessengerVisibilityNames.TryParse(Get(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null, out var visibility)
                ? visibility
                : Missing<MessengerVisibility?>(name, $"one of {string.Join(", ", MessengerVisibilityNames.All)}") ?? default;

        public MessengerEmbedForm Form(string name) => (Get(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null) switch
        {
            "page" => MessengerEmbedForm.InPage,
            "iframe" => MessengerEmbedForm.Iframe,
            _ => Missing<MessengerEmbedForm?>(name, "\"page\" or \"iframe\"") ?? default,
        };

        /// <summary>Notes that a field is missing or of the wrong type, and gives the default to go on with.</summary>
        public T? Missing<T>(string name, string expected)
        {
            Problem ??= $"needs the field \"{name}\" as {expected}";
            return default;
        }

        private JsonElement? Get(string name) => root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Undefined ? value : null;
    }
}
