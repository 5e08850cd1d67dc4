using System.Globalization;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// Reads a whole input file (or standard input, <c>-</c>) as UTF-8 text with a ceiling, so a wrong path
/// (<c>/dev/zero</c>, a folder, a huge log, a binary) ends in one clear line instead of filling memory or being
/// silently decoded to U+FFFD.
/// </summary>
internal static class InputFile
{
    /// <summary>Reads the file at <paramref name="path"/> (<c>-</c>: standard input).</summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="description">The input as messages name it: <c>the token file 'x' (from --token-file)</c>.</param>
    /// <param name="limit">The most bytes to read.</param>
    /// <param name="tooLargeHint">What to do about a larger input, one sentence.</param>
    /// <exception cref="BadInputException">A folder, unreadable, larger than <paramref name="limit"/>, or not UTF-8.</exception>
    public static string ReadText(string path, string description, int limit, string tooLargeHint)
    {
        if (path != "-" && Directory.Exists(path))
        {
            throw new BadInputException($"{description} is a folder; give a file.");
        }

        byte[]? bytes;
        try
        {
            using var stream = path == "-"
                ? Console.OpenStandardInput()
                : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            bytes = Read(stream, limit);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"cannot read {description}: {error.Message}", error);
        }

        return bytes is null
            ? throw new BadInputException($"{description} is larger than {Size(limit)}; {tooLargeHint}")
            : InvalidUtf8.Decode(bytes, description);
    }

    /// <summary>A size as people read it: <c>64 KiB</c>, <c>16 MiB</c>.</summary>
    public static string Size(int bytes) => bytes switch
    {
        _ when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB"),
        _ when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    // The stream to its end, or null once it holds more than limit bytes.
    private static byte[]? Read(Stream stream, int limit)
    {
        var buffer = new byte[Math.Min(limit + 1, 64 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min(limit + 1L, buffer.Length * 2L));
            }

            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                return buffer[..length];
            }

            length += read;
        }
    }
}
