using System.Globalization;
using System.Text;
using Kayako.Harness.Signing;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// <c>sign --jsonl</c>: streams JSON lines <c>{"name","email","token","timestamp"}</c> to lines
/// <c>{"signature"}</c>, in order, writing output in large chunks. On a bad line, the lines before it have been
/// written and the error names the line number.
/// </summary>
internal static class JsonLinesSigner
{
    private const int FlushThreshold = 64 * 1024;

    public static async Task SignAsync(Stream input, string source, TextWriter output, CancellationToken cancellationToken)
    {
        var reader = new Utf8LineReader(input, source);
        var pending = new StringBuilder(FlushThreshold + 128);
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                var signature = Sign(line.Span, source, reader.LineNumber);
                pending.Append("{\"signature\":\"").Append(signature).Append("\"}\n");
                if (pending.Length >= FlushThreshold)
                {
                    await output.WriteAsync(pending, cancellationToken);
                    pending.Clear();
                }
            }
        }
        finally
        {
            // Also on a bad line: everything signed before it is written first.
            await output.WriteAsync(pending, cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
    }

    // The line read by the rules every signature format shares (SignatureInputJson), which also names a byte that is
    // not UTF-8. A byte order mark is the file's, not the line's: dropped on line 1, as diagnose drops it.
    private static string Sign(ReadOnlySpan<byte> line, string source, int lineNumber)
    {
        if (lineNumber == 1 && line.StartsWith(Encoding.UTF8.Preamble))
        {
            line = line[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            return SignatureInputJson.Parse(line).Sign();
        }
        catch (SignatureInputFormatException error)
        {
            throw new BadInputException(string.Create(CultureInfo.InvariantCulture, $"{source} line {lineNumber}: {error.Message}"), error);
        }
    }
}
