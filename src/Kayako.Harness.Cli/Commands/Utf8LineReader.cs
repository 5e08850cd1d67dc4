using System.Globalization;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// Reads a stream line by line as raw UTF-8 bytes, without decoding to strings first, so JSON lines go straight
/// to <see cref="System.Text.Json.Utf8JsonReader"/>. Lines end with LF; a CR before it is dropped. A line longer
/// than <see cref="MaxLineBytes"/> is bad input, so a wrong path (<c>/dev/zero</c>) fails fast instead of filling memory.
/// </summary>
/// <param name="stream">The input.</param>
/// <param name="source">The input as messages name it (<c>'inputs.jsonl'</c>, <c>stdin</c>).</param>
internal sealed class Utf8LineReader(Stream stream, string source)
{
    /// <summary>The longest line read: room for a JSON-escaped megabyte name several times over.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _finished;

    /// <summary>The 1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>
    /// The next line without its line break, or <see langword="null"/> at the end of the stream. The memory is
    /// valid until the next call.
    /// </summary>
    /// <exception cref="BadInputException">The line is longer than <see cref="MaxLineBytes"/>.</exception>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var searched = 0; // bytes after _start already known to hold no line feed
        while (true)
        {
            var newline = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = searched + newline;
                var line = TrimCarriageReturn(_buffer.AsMemory(_start, length));
                _start += length + 1;
                LineNumber++;
                return line;
            }

            if (_finished)
            {
                if (_start == _end)
                {
                    return null;
                }

                var last = TrimCarriageReturn(_buffer.AsMemory(_start, _end - _start));
                _start = _end;
                LineNumber++;
                return last;
            }

            searched = _end - _start;
            if (searched > MaxLineBytes)
            {
                throw new BadInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{source} line {LineNumber + 1}: longer than {InputFile.Size(MaxLineBytes)} without a line break; put one JSON object on each line (is this the right file?)."));
            }

            MakeRoom();
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            _finished = read == 0;
            _end += read;
        }
    }

    private void MakeRoom()
    {
        if (_start > 0)
        {
            // Move the partial line to the front, so the buffer only grows for a line longer than itself.
            var pending = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;
}
