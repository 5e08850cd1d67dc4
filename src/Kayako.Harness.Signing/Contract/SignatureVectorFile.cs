using System.Text;
using System.Text.Json;

namespace Kayako.Harness.Signing.Contract;

/// <summary>
/// Loads signature vectors files (<c>fixtures/signatures/vectors.json</c> and its embedded copy) and validates
/// every entry: unique ids, all fields present with the right types, integer timestamps, well-formed signatures.
/// </summary>
public static class SignatureVectorFile
{
    /// <summary>Where the bundled vectors come from, for messages.</summary>
    public const string BundledSource = "the bundled vectors.json";

    private const string ResourceName = "Kayako.Harness.Signing.Contract.vectors.json";

    private static readonly HashSet<string> EntryFields = ["id", "description", "name", "email", "token", "timestamp", "signature", "nodeOnly"];

    /// <summary>The vectors shipped inside the library (a copy of <c>fixtures/signatures/vectors.json</c>).</summary>
    public static IReadOnlyList<SignatureVector> LoadBundled()
    {
        using var stream = typeof(SignatureVectorFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the Kayako.Harness assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), BundledSource);
    }

    /// <summary>Loads and validates a vectors file.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="SignatureVectorFileException">The file cannot be read or is malformed.</exception>
    public static IReadOnlyList<SignatureVector> Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SignatureVectorFileException($"Cannot read the vectors file '{path}': {error.Message}", error);
        }

        return Parse(json, $"'{path}'");
    }

    /// <summary>Parses and validates the text of a vectors file.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <exception cref="SignatureVectorFileException">Every problem found, each naming its entry.</exception>
    public static IReadOnlyList<SignatureVector> Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw new SignatureVectorFileException(
                $"The vectors file {source} is not valid JSON (line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1}).", error);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("vectors", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                throw new SignatureVectorFileException(
                    $"The vectors file {source} must be an object with a \"vectors\" array: {{ \"vectors\": [ {{ \"id\", \"description\", \"name\", \"email\", \"token\", \"timestamp\", \"signature\" }} ] }}.");
            }

            var problems = new List<string>();
            var vectors = new List<SignatureVector>();
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var index = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var vector = ReadEntry(entry, index, problems);
                if (vector is not null)
                {
                    if (ids.TryGetValue(vector.Id, out var first))
                    {
                        problems.Add($"vectors[{index}] (id \"{vector.Id}\"): duplicate id, already used by vectors[{first}]; give each vector its own id.");
                    }
                    else
                    {
                        ids.Add(vector.Id, index);
                        vectors.Add(vector);
                    }
                }

                index++;
            }

            if (problems.Count > 0)
            {
                throw new SignatureVectorFileException(
                    $"The vectors file {source} has {problems.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
            }

            return vectors;
        }
    }

    private static SignatureVector? ReadEntry(JsonElement entry, int index, List<string> problems)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"vectors[{index}]: is {entry.ValueKind.ToString().ToLowerInvariant()}, not an object.");
            return null;
        }

        var id = entry.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        var where = id is null ? $"vectors[{index}]" : $"vectors[{index}] (id \"{id}\")";
        var before = problems.Count;
        void Problem(string message) => problems.Add($"{where}: {message}");

        foreach (var property in entry.EnumerateObject().Where(property => !EntryFields.Contains(property.Name)))
        {
            Problem($"unknown field \"{property.Name}\"; allowed: {string.Join(", ", EntryFields)}.");
        }

        if (string.IsNullOrEmpty(id))
        {
            Problem("\"id\" is missing or empty; give every vector a unique string id.");
        }

        var description = ReadString(entry, "description", Problem);
        var name = ReadString(entry, "name", Problem);
        var email = ReadString(entry, "email", Problem);
        var token = ReadString(entry, "token", Problem);
        if (token is { Length: 0 })
        {
            Problem("\"token\" is empty; an empty token is a configuration mistake that C# refuses to sign with.");
        }

        var timestamp = ReadTimestamp(entry, Problem);
        var signature = ReadString(entry, "signature", Problem);
        if (signature is not null && !MessengerSignature.IsWellFormed(signature))
        {
            Problem($"\"signature\" is \"{signature}\"; it must be {MessengerSignature.Length} lowercase hex digits produced by the PHP and Node reference signers.");
        }

        var nodeOnly = false;
        if (entry.TryGetProperty("nodeOnly", out var nodeOnlyElement))
        {
            if (nodeOnlyElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                nodeOnly = nodeOnlyElement.GetBoolean();
            }
            else
            {
                Problem("\"nodeOnly\" must be true or false.");
            }
        }

        return problems.Count > before
            ? null
            : new SignatureVector(id!, description!, new SignatureInput(name!, email!, token!, timestamp!.Value), signature!, nodeOnly);
    }

    private static string? ReadString(JsonElement entry, string field, Action<string> problem)
    {
        if (!entry.TryGetProperty(field, out var element))
        {
            problem($"\"{field}\" is missing.");
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            problem($"\"{field}\" is {element.ValueKind.ToString().ToLowerInvariant()}; it must be a string.");
            return null;
        }

        // Re-read the raw text: JsonElement.GetString refuses escaped unpaired surrogates, which Node-only vectors hold.
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(element.GetRawText()));
        reader.Read();
        return JsonStringValue.Read(ref reader);
    }

    private static long? ReadTimestamp(JsonElement entry, Action<string> problem)
    {
        if (!entry.TryGetProperty("timestamp", out var element))
        {
            problem("\"timestamp\" is missing.");
            return null;
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(element.GetRawText()));
        reader.Read();
        try
        {
            return JsonTimestamp.Read(ref reader, "timestamp");
        }
        catch (SignatureInputFormatException error)
        {
            problem(error.Message);
            return null;
        }
    }
}
