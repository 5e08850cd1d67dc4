using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kayako.Harness.Signing;

/// <summary>
/// The one strict reader of the signature fields in JSON, whatever carries them: a <c>sign --jsonl</c> line
/// (<see cref="SignatureInputJson"/>), a <c>diagnose</c> report (<see cref="Diagnosis.SignatureReportJson"/>), an
/// entry of a vectors file (<see cref="Contract.SignatureVectorFile"/>). Each declares its fields in a
/// <see cref="SignatureJsonFormat"/>; the rules and their messages are the same for all:
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The value is a JSON object with each field of its format at most once; an unknown or repeated field is a problem.</item>
/// <item>Every field the format does not mark optional is there.</item>
/// <item>Text fields are JSON strings (<c>null</c> is not one), read as JavaScript reads them, escaped unpaired surrogates kept.</item>
/// <item>The token is a string that is not empty (only a report may leave it out or give <c>null</c>).</item>
/// <item>
/// The timestamp is a JSON integer that fits in 64 bits: a string (<c>"1700000000"</c>), a fraction (<c>1.5</c>) or an
/// exponent (<c>1e21</c>) is never coerced, because the signer must sign the exact digits the page passes; only a
/// report takes a string of digits, as what a page passed (<see cref="SignatureJsonFormat.TakesQuotedTimestamp"/>).
/// A millisecond-sized integer is read as it is: <c>diagnose</c> says so, <c>sign</c> signs what it is given.
/// </item>
/// </list>
/// Every problem of the object is collected, each one sentence naming the field and the fix. No message quotes a
/// string field's value; the few input values quoted (an unknown field's name, a wrong timestamp) pass through
/// <see cref="TokenRedactor"/> with the object's token. Syntax errors, invalid UTF-8 and what surrounds the object
/// (lines, arrays, files) are the caller's, named with <see cref="NotJson"/> and <see cref="FindInvalidUtf8"/>.
/// </remarks>
internal static class SignatureJsonReader
{
    private const int Shown = 40;

    /// <summary>Reads the value <paramref name="reader"/> is on (after its first <c>Read</c>) to its end.</summary>
    /// <param name="reader">A reader over complete input, positioned on the value's first token.</param>
    /// <param name="format">The fields the object may have.</param>
    /// <returns>The values and every problem; the reader is left on the value's last token.</returns>
    /// <exception cref="JsonException">The text is not JSON; describe it with <see cref="NotJson"/>, never with its message.</exception>
    public static SignatureJsonObject Read(ref Utf8JsonReader reader, SignatureJsonFormat format)
    {
        var read = new SignatureJsonObject(format);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            read.Problem($"expected a JSON object {format.Shape}, found {Describe(reader.TokenType)}.");
            reader.Skip();
            return read;
        }

        var seen = 0UL;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = IndexOf(ref reader, format);
            if (index < 0)
            {
                var name = Shorten(JsonStringValue.Read(ref reader));
                reader.Read();
                reader.Skip();
                read.Problem($"unknown field \"{SignatureJsonObject.Slot}\"; {format.What} has exactly {format.FieldList}.", name);
                continue;
            }

            reader.Read();
            var field = format.Fields[index];
            if ((seen & (1UL << index)) != 0)
            {
                reader.Skip();
                read.Problem($"\"{field.Name}\" appears twice; give each field once.");
                continue;
            }

            seen |= 1UL << index;
            switch (field.Kind)
            {
                case SignatureJsonFieldKind.Timestamp:
                    ReadTimestamp(ref reader, field, index, read);
                    break;
                case SignatureJsonFieldKind.Flag:
                    ReadFlag(ref reader, field, index, read);
                    break;
                default:
                    ReadText(ref reader, field, index, read);
                    break;
            }
        }

        for (var i = 0; i < format.Fields.Count; i++)
        {
            if ((seen & (1UL << i)) == 0 && !format.Fields[i].Optional)
            {
                read.Problem($"\"{format.Fields[i].Name}\" is missing; add {format.Fields[i].Hint}.");
            }
        }

        return read;
    }

    /// <summary>
    /// Where a syntax error is, for <c>not valid JSON</c> messages: <c>byte 7</c> in one line, <c>line 3, byte 7</c> in
    /// more. The parser's own message is never used: it can quote a character of the input, and the input holds the token.
    /// </summary>
    public static string NotJson(JsonException error, SignatureJsonFormat format) => string.Create(CultureInfo.InvariantCulture,
        $"not valid JSON (error at {(error.LineNumber is > 0 ? $"line {error.LineNumber + 1}, " : "")}byte {error.BytePositionInLine + 1}); expected {format.Shape}.");

    /// <summary>
    /// The first byte that is not UTF-8, as its 1-based line and 1-based byte in that line, or <see langword="null"/>
    /// when all of it is. The JSON parser would only fail on such a byte once the string holding it is read, with an
    /// error that is not about the input; and decoding it leniently would sign or diagnose U+FFFD instead of the user's text.
    /// </summary>
    public static (int Line, int Byte)? FindInvalidUtf8(ReadOnlySpan<byte> text)
    {
        if (System.Text.Unicode.Utf8.IsValid(text))
        {
            return null;
        }

        var offset = 0;
        while (Rune.DecodeFromUtf8(text[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        var before = text[..offset];
        return (before.Count((byte)'\n') + 1, offset - (before.LastIndexOf((byte)'\n') + 1) + 1);
    }

    /// <summary>How a JSON token reads in a message: <c>a number</c>, <c>null</c>.</summary>
    public static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        _ => type.ToString(),
    };

    private static int IndexOf(ref Utf8JsonReader reader, SignatureJsonFormat format)
    {
        for (var i = 0; i < format.Fields.Count; i++)
        {
            if (reader.ValueTextEquals(format.Fields[i].Utf8Name))
            {
                return i;
            }
        }

        return -1;
    }

    private static void ReadText(ref Utf8JsonReader reader, SignatureJsonField field, int index, SignatureJsonObject read)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = JsonStringValue.Read(ref reader);
            if (field.Kind == SignatureJsonFieldKind.Token && text.Length == 0)
            {
                read.Problem($"\"{field.Name}\" is empty; the messenger token (the identity-verification secret from Kayako's messenger settings) " +
                             $"is never empty, so this one was not filled in{read.Format.EmptyTokenHint}.");
                return;
            }

            read.Set(index, text);
        }
        else if (reader.TokenType == JsonTokenType.Null && field is { Kind: SignatureJsonFieldKind.Token, Optional: true })
        {
            // A report's token the reporter cannot share: the form-only diagnosis.
        }
        else
        {
            // Never quote the value: for "token" it is the secret.
            read.Problem($"\"{field.Name}\" is {Describe(reader.TokenType)}; it must be a JSON string.");
            reader.Skip();
        }
    }

    private static void ReadTimestamp(ref Utf8JsonReader reader, SignatureJsonField field, int index, SignatureJsonObject read)
    {
        var example = $"e.g. \"{field.Name}\": 1700000000";
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out var seconds):
                read.Set(index, seconds);
                break;
            case JsonTokenType.Number:
                var raw = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
                read.Problem(raw.AsSpan().IndexOfAny('.', 'e', 'E') >= 0
                    ? $"\"{field.Name}\" is {SignatureJsonObject.Slot}, not an integer; identify takes whole Unix seconds " +
                      $"(time() in PHP, Math.floor(Date.now() / 1000) in JavaScript): write plain digits, {example}."
                    : $"\"{field.Name}\" is {SignatureJsonObject.Slot}, too large for 64 bits; write Unix seconds as plain digits, {example}.",
                    Shorten(raw));
                break;
            case JsonTokenType.String:
                var text = JsonStringValue.Read(ref reader);
                if (read.Format.TakesQuotedTimestamp && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quoted))
                {
                    read.Set(index, quoted);
                    read.QuotedTimestamp = text;
                }
                else
                {
                    read.Problem($"\"{field.Name}\" is a string (\"{SignatureJsonObject.Slot}\"); write it as a JSON integer of Unix seconds, without quotes, {example}.", Shorten(text));
                }

                break;
            default:
                read.Problem($"\"{field.Name}\" is {Describe(reader.TokenType)}; write it as a JSON integer of Unix seconds, {example}.");
                reader.Skip();
                break;
        }
    }

    private static void ReadFlag(ref Utf8JsonReader reader, SignatureJsonField field, int index, SignatureJsonObject read)
    {
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            read.Set(index, reader.GetBoolean());
            return;
        }

        read.Problem($"\"{field.Name}\" is {Describe(reader.TokenType)}; it must be true or false.");
        reader.Skip();
    }

    private static string Shorten(string text) => text.Length > Shown ? string.Concat(text.AsSpan(0, Shown), "…") : text;
}
