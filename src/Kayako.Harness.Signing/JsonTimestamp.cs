using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Kayako.Harness.Signing;

/// <summary>
/// Reads a signature timestamp from JSON: a JSON integer only. A string (<c>"1700000000"</c>), a fraction
/// (<c>1.5</c>) or an exponent (<c>1e21</c>) is an error, never coerced, because the signer must sign the exact
/// digits the page passes to <c>identify</c>.
/// </summary>
internal static class JsonTimestamp
{
    /// <summary>Reads the current token of <paramref name="reader"/> as Unix seconds.</summary>
    /// <param name="reader">A reader positioned on the property's value.</param>
    /// <param name="field">The property name, for the error message.</param>
    /// <exception cref="SignatureInputFormatException">The value is not a JSON integer that fits in 64 bits.</exception>
    public static long Read(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            throw new SignatureInputFormatException(
                $"\"{field}\" is a string ({Raw(ref reader, quote: true)}); write it as a JSON integer of Unix seconds, without quotes, e.g. \"{field}\": 1700000000.");
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new SignatureInputFormatException(
                $"\"{field}\" is {Describe(reader.TokenType)}; write it as a JSON integer of Unix seconds, e.g. \"{field}\": 1700000000.");
        }

        if (!reader.TryGetInt64(out var timestamp))
        {
            throw new SignatureInputFormatException(
                $"\"{field}\" is {Raw(ref reader, quote: false)}, which is not a whole number of seconds that fits in 64 bits; write plain digits, e.g. \"{field}\": 1700000000.");
        }

        return timestamp;
    }

    /// <summary>How a JSON token reads in an error message.</summary>
    internal static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        _ => type.ToString(),
    };

    private static string Raw(ref Utf8JsonReader reader, bool quote)
    {
        var bytes = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        var text = Encoding.UTF8.GetString(bytes);
        if (text.Length > 40)
        {
            text = string.Concat(text.AsSpan(0, 40), "…");
        }

        return quote ? $"\"{text}\"" : text;
    }
}
