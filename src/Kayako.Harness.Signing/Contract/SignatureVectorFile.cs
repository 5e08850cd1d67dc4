using System.Text;
using System.Text.Json;

namespace Kayako.Harness.Signing.Contract;

/// <summary>
/// Loads signature vectors files (<c>fixtures/signatures/vectors.json</c> and its embedded copy) and validates
/// every entry: unique ids, all fields present with the right types, integer timestamps, well-formed signatures.
/// An entry is a signature input with an id, a description, the signature and <c>nodeOnly</c>, read by the rules every
/// signature format shares (see <see cref="SignatureInputJson"/>).
/// </summary>
public static class SignatureVectorFile
{
    /// <summary>Where the bundled vectors come from, for messages.</summary>
    public const string BundledSource = "the bundled vectors.json";

    private const string ResourceName = "Kayako.Harness.Signing.Contract.vectors.json";

    private static readonly SignatureJsonField Id = new("id", SignatureJsonFieldKind.Text, "a unique id as a JSON string");
    private static readonly SignatureJsonField Description = new("description", SignatureJsonFieldKind.Text, "what the vector covers as a JSON string");
    private static readonly SignatureJsonField NodeOnly = new("nodeOnly", SignatureJsonFieldKind.Flag, "true or false", Optional: true);

    private static readonly SignatureJsonFormat Format = new(
        "a vector",
        [
            Id, Description, SignatureJsonField.UserName, SignatureJsonField.Email, SignatureJsonField.Token, SignatureJsonField.Timestamp,
            SignatureJsonField.Signature, NodeOnly,
        ]);

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
    /// <exception cref="SignatureVectorFileException">The file cannot be read, is not UTF-8, or is malformed.</exception>
    public static IReadOnlyList<SignatureVector> Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SignatureVectorFileException($"Cannot read the vectors file '{path}': {error.Message}", error);
        }

        ReadOnlySpan<byte> text = bytes;
        if (text.StartsWith(Encoding.UTF8.Preamble))
        {
            text = text[Encoding.UTF8.Preamble.Length..];
        }

        // Decoding leniently would check vectors of U+FFFD instead of the file's text.
        if (SignatureJsonReader.FindInvalidUtf8(text) is var (line, position))
        {
            throw new SignatureVectorFileException(
                $"The vectors file '{path}' is not UTF-8 text: line {line}, byte {position} is not valid UTF-8. Save it as UTF-8 and try again.");
        }

        return Parse(Encoding.UTF8.GetString(text), $"'{path}'");
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
                    $"The vectors file {source} must be an object with a \"vectors\" array: {{ \"vectors\": [ {Format.Shape} ] }}.");
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
        // Re-read the entry's own text: JsonElement.GetString refuses escaped unpaired surrogates, which Node-only
        // vectors hold, and JsonDocument keeps a repeated field without a word.
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(entry.GetRawText()));
        reader.Read();
        var read = SignatureJsonReader.Read(ref reader, Format);
        var id = read.Text(Id);
        var where = id is null ? $"vectors[{index}]" : $"vectors[{index}] (id \"{id}\")";
        var before = problems.Count;
        problems.AddRange(read.Problems.Select(problem => $"{where}: {problem}"));
        if (id is { Length: 0 })
        {
            problems.Add($"{where}: \"id\" is empty; give every vector a unique string id.");
        }

        var signature = read.Text(SignatureJsonField.Signature);
        if (signature is not null && SignatureForm.Of(signature).Problem is { } malformed)
        {
            problems.Add($"{where}: \"signature\": {malformed}. Take it from the PHP and Node reference signers.");
        }

        return problems.Count > before
            ? null
            : new SignatureVector(
                id!, read.Text(Description)!,
                new SignatureInput(read.Text(SignatureJsonField.UserName)!, read.Text(SignatureJsonField.Email)!, read.Text(SignatureJsonField.Token)!, read.Timestamp!.Value),
                signature!, read.Flag(NodeOnly) ?? false);
    }
}
