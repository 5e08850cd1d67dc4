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
        var reader = new Utf8LineReader(input);
        var pending = new StringBuilder(FlushThreshold + 128);
        var lineNumber = 0;
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lineNumber++;
                var signature = Sign(line.Span, source, lineNumber);
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

    private static string Sign(ReadOnlySpan<byte> line, string source, int lineNumber)
    {
        try
        {
            return SignatureInputJson.Parse(line).Sign();
        }
        catch (SignatureInputFormatException error)
        {
            throw new BadInputException(string.Create(CultureInfo.InvariantCulture, $"{source} line {lineNumber}: {error.Message}"), error);
        }
        catch (EmptyTokenException error)
        {
            throw new BadInputException(
                string.Create(CultureInfo.InvariantCulture, $"{source} line {lineNumber}: \"token\" is empty. {error.Message.Replace(" (Parameter 'token')", "", StringComparison.Ordinal)}"),
                error);
        }
    }
}
