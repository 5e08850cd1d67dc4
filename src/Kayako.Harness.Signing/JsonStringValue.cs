using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kayako.Harness.Signing;

/// <summary>
/// Reads a JSON string the way JavaScript's <c>JSON.parse</c> does, including an escaped unpaired surrogate
/// (<c>"\ud800"</c>), which <see cref="Utf8JsonReader.GetString"/> refuses. A page's JavaScript can hold such a
/// string and sign it; the harness must be able to read it back to sign it the same way.
/// </summary>
internal static class JsonStringValue
{
    /// <summary>Reads the current string token of <paramref name="reader"/>.</summary>
    /// <param name="reader">A reader positioned on a <see cref="JsonTokenType.String"/> token.</param>
    /// <returns>The unescaped string, unpaired surrogates kept as they were escaped.</returns>
    public static string Read(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.GetString()!;
        }

        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        return Unescape(raw);
    }

    // The reader has already validated the escapes and the UTF-8, so this only has to translate them.
    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        var builder = new StringBuilder(raw.Length);
        while (!raw.IsEmpty)
        {
            var backslash = raw.IndexOf((byte)'\\');
            var literal = backslash < 0 ? raw : raw[..backslash];
            builder.Append(Encoding.UTF8.GetString(literal));
            if (backslash < 0)
            {
                break;
            }

            var escape = (char)raw[backslash + 1];
            var consumed = 2;
            switch (escape)
            {
                case 'u':
                    builder.Append((char)int.Parse(Encoding.ASCII.GetString(raw.Slice(backslash + 2, 4)), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    consumed = 6;
                    break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                default: builder.Append(escape); break; // \" \\ \/
            }

            raw = raw[(backslash + consumed)..];
        }

        return builder.ToString();
    }
}
