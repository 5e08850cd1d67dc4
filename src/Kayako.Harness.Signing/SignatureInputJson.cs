using System.Text.Json;

namespace Kayako.Harness.Signing;

/// <summary>
/// Parses one JSON signature input, <c>{"name": "...", "email": "...", "token": "...", "timestamp": 1700000000}</c>,
/// strictly: the four fields exactly once each, strings as strings and the timestamp as a JSON integer. Anything
/// else is an error that names the field; nothing is coerced or ignored.
/// </summary>
public static class SignatureInputJson
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 4 };

    /// <summary>Parses one UTF-8 JSON object (one line of a JSON-lines file, say).</summary>
    /// <param name="utf8Json">The JSON text.</param>
    /// <returns>The input it describes.</returns>
    /// <exception cref="SignatureInputFormatException">The text is not such an object; the message says what to fix.</exception>
    public static SignatureInput Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Trim(" \t\r"u8).IsEmpty)
        {
            throw new SignatureInputFormatException("the line is empty; expected {\"name\",\"email\",\"token\",\"timestamp\"}.");
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            var input = ReadObject(ref reader);
            try
            {
                // Returns false at the end of the line; anything after the object makes the reader throw.
                reader.Read();
            }
            catch (JsonException error)
            {
                throw new SignatureInputFormatException("there is more after the JSON object; put one object on each line.", error);
            }

            return input;
        }
        catch (JsonException error)
        {
            // The reader's own message can quote a character of the input, and the input holds the token.
            throw new SignatureInputFormatException(
                $"not valid JSON (error at byte {error.BytePositionInLine + 1}); expected {{\"name\",\"email\",\"token\",\"timestamp\"}}.", error);
        }
    }

    private static SignatureInput ReadObject(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new SignatureInputFormatException(
                $"expected a JSON object {{\"name\",\"email\",\"token\",\"timestamp\"}}, found {JsonTimestamp.Describe(reader.TokenType)}.");
        }

        string? name = null, email = null, token = null;
        long? timestamp = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.GetString()!;
            reader.Read();
            switch (field)
            {
                case "name":
                    name = ReadString(ref reader, field, name);
                    break;
                case "email":
                    email = ReadString(ref reader, field, email);
                    break;
                case "token":
                    token = ReadString(ref reader, field, token);
                    break;
                case "timestamp":
                    RejectDuplicate(field, timestamp is not null);
                    timestamp = JsonTimestamp.Read(ref reader, field);
                    break;
                default:
                    throw new SignatureInputFormatException(
                        $"unknown field \"{field}\"; a signature input has exactly \"name\", \"email\", \"token\" and \"timestamp\".");
            }
        }

        var missing = new[] { ("name", name is null), ("email", email is null), ("token", token is null), ("timestamp", timestamp is null) }
            .Where(field => field.Item2)
            .Select(field => $"\"{field.Item1}\"")
            .ToArray();
        if (missing.Length > 0)
        {
            throw new SignatureInputFormatException(
                $"missing {string.Join(", ", missing)}; a signature input needs \"name\", \"email\", \"token\" and \"timestamp\".");
        }

        return new SignatureInput(name!, email!, token!, timestamp!.Value);
    }

    private static string ReadString(ref Utf8JsonReader reader, string field, string? previous)
    {
        RejectDuplicate(field, previous is not null);
        if (reader.TokenType != JsonTokenType.String)
        {
            // Never echo the value: for "token" it is the secret.
            throw new SignatureInputFormatException(
                $"\"{field}\" is {JsonTimestamp.Describe(reader.TokenType)}; it must be a JSON string.");
        }

        return JsonStringValue.Read(ref reader);
    }

    private static void RejectDuplicate(string field, bool seen)
    {
        if (seen)
        {
            throw new SignatureInputFormatException($"\"{field}\" appears twice; give each field once.");
        }
    }
}
