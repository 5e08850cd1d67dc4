using System.Globalization;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// Reads a whole input with a ceiling, so a wrong path (<c>/dev/zero</c>, a huge log) fails fast with a message
/// instead of filling memory.
/// </summary>
internal static class BoundedRead
{
    /// <summary>Reads <paramref name="stream"/> to its end, or stops once it holds more than <paramref name="limit"/> bytes.</summary>
    /// <returns>The bytes, or <see langword="null"/> when the input is longer than <paramref name="limit"/>.</returns>
    public static byte[]? Read(Stream stream, int limit)
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

    /// <summary>A size as people read it: <c>64 KiB</c>, <c>16 MiB</c>.</summary>
    public static string Describe(int bytes) => bytes switch
    {
        _ when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB"),
        _ when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
