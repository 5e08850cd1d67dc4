using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// Finds the first byte of input that is not UTF-8, by line and position, so a bad input is named instead of
/// silently decoded to U+FFFD (which would sign or diagnose other text than the user's).
/// </summary>
internal static class InvalidUtf8
{
    /// <summary>Where the first invalid byte is: its 1-based line, and its 1-based byte position in that line.</summary>
    public readonly record struct Position(int Line, int Byte)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {Line}, byte {Byte}");
    }

    /// <summary>The position of the first byte that is not UTF-8, or <see langword="null"/> when all of it is.</summary>
    public static Position? Find(ReadOnlySpan<byte> text)
    {
        if (Utf8.IsValid(text))
        {
            return null;
        }

        var offset = 0;
        while (Rune.DecodeFromUtf8(text[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        var before = text[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new Position(before.Count((byte)'\n') + 1, offset - lineStart + 1);
    }

    /// <summary>Decodes UTF-8 text (a leading byte order mark dropped), or explains where it is not UTF-8.</summary>
    /// <param name="text">The bytes.</param>
    /// <param name="source">The input as the message names it (<c>the token file 'x' (from --token-file)</c>).</param>
    /// <exception cref="BadInputException">A byte is not UTF-8; the message gives its line and position, never the text.</exception>
    public static string Decode(ReadOnlySpan<byte> text, string source)
    {
        if (text.StartsWith(Encoding.UTF8.Preamble))
        {
            text = text[Encoding.UTF8.Preamble.Length..];
        }

        return Find(text) is { } position
            ? throw new BadInputException($"{source} is not UTF-8 text: {position} is not valid UTF-8. Save it as UTF-8 and try again.")
            : Encoding.UTF8.GetString(text);
    }
}
