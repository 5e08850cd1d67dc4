using System.Globalization;
using System.Text.Json;

namespace Kayako.Harness.Signing;

/// <summary>
/// Parses one JSON signature input, <c>{"name": "...", "email": "...", "token": "...", "timestamp": 1700000000}</c>,
/// strictly, by the rules every signature format shares (see <see cref="SignatureJsonReader"/>): the four fields
/// exactly once each, strings as strings, a token that is not empty, the timestamp as a JSON integer. Anything else
/// is an error that names the field and the fix; nothing is coerced or ignored, and the token is never quoted.
/// </summary>
public static class SignatureInputJson
{
    /// <summary>The fields of a signature input.</summary>
    internal static readonly SignatureJsonFormat Format = new(
        "a signature input",
        [SignatureJsonField.UserName, SignatureJsonField.Email, SignatureJsonField.Token, SignatureJsonField.Timestamp]);

    /// <summary>Parses one UTF-8 JSON object (one line of a JSON-lines file, say).</summary>
    /// <param name="utf8Json">The JSON text.</param>
    /// <returns>The input it describes.</returns>
    /// <exception cref="SignatureInputFormatException">
    /// The text is not UTF-8, not JSON, or not such an object; the message gives every problem and how to fix it.
    /// </exception>
    public static SignatureInput Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (SignatureJsonReader.FindInvalidUtf8(utf8Json) is var (line, position))
        {
            throw new SignatureInputFormatException(string.Create(CultureInfo.InvariantCulture,
                $"{(line > 1 ? $"line {line}, " : "")}byte {position} is not valid UTF-8; save the file as UTF-8 (JSON text is UTF-8)."));
        }

        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new SignatureInputFormatException($"the line is empty; expected {Format.Shape}.");
        }

        SignatureJsonObject read;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            reader.Read();
            read = SignatureJsonReader.Read(ref reader, Format);
            try
            {
                // Returns false at the end of the line; anything after the object makes the reader throw.
                reader.Read();
            }
            catch (JsonException error)
            {
                throw new SignatureInputFormatException("there is more after the JSON object; put one object on each line.", error);
            }
        }
        catch (JsonException error)
        {
            throw new SignatureInputFormatException(SignatureJsonReader.NotJson(error, Format), error);
        }

        if (read.HasProblems)
        {
            throw new SignatureInputFormatException(string.Join(" ", read.Problems));
        }

        return new SignatureInput(
            read.Text(SignatureJsonField.UserName)!, read.Text(SignatureJsonField.Email)!, read.Text(SignatureJsonField.Token)!, read.Timestamp!.Value);
    }
}
