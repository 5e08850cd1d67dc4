namespace Kayako.Harness.Messenger;

/// <summary>An uncaught error in the page (<see cref="CallLogEntryKind.PageError"/>).</summary>
/// <param name="Message">
/// The error as the page would print it: <c>TypeError: kayako.x is not a function</c>. It may start with
/// <c>Uncaught </c> when the error was rethrown from a timer.
/// </param>
/// <param name="Stack">
/// The stack below the message, one <c>    at …</c> line per frame; <see langword="null"/> when the error has none
/// (a <c>SyntaxError</c>: see <see cref="ErrorLocation"/> for where it came from).
/// </param>
public sealed record PageError(string Message, string? Stack) : CallLogEntry
{
    // V8 writes an error's stack as its message, then one "    at …" line per frame.
    private const string FrameStart = "\n    at ";

    /// <summary>The first line of <see cref="Message"/>, without a leading <c>Uncaught </c>: what to compare errors by.</summary>
    public string FirstLine => FirstLineOf(Message);

    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.PageError;

    /// <inheritdoc />
    public override string Summary => Stack is null ? Message : $"{Message}\n{Stack}";

    /// <summary>
    /// The first line of an error's text, without the <c>Uncaught </c> an error rethrown from a timer reads with:
    /// how a page error and the entries that explain it (<see cref="CallBeforeReady"/>, <see cref="ErrorLocation"/>) compare.
    /// </summary>
    internal static string FirstLineOf(string error)
    {
        var first = error.Split('\n', 2)[0].Trim();
        return first.StartsWith("Uncaught ", StringComparison.Ordinal) ? first["Uncaught ".Length..] : first;
    }

    /// <summary>Splits an error as Playwright reports it (its stack, or its name and message when it has no stack).</summary>
    internal static (string Message, string? Stack) Split(string reported)
    {
        var frames = reported.IndexOf(FrameStart, StringComparison.Ordinal);
        return frames < 0 ? (reported, null) : (reported[..frames], reported[(frames + 1)..]);
    }
}
