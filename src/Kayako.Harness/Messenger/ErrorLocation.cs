namespace Kayako.Harness.Messenger;

/// <summary>
/// Where a page's uncaught <c>SyntaxError</c> came from, as the page's error event saw it
/// (<see cref="CallLogEntryKind.ErrorLocation"/>). A <c>SyntaxError</c> has no stack, so its
/// <see cref="PageError"/> does not say which script failed to parse; this entry, logged alongside it, does.
/// </summary>
/// <param name="Message">The error: <c>SyntaxError: Unexpected identifier 'Brien'</c>, as its <see cref="PageError"/> starts.</param>
/// <param name="Where">The script and place that did not parse.</param>
/// <param name="Inline">
/// Whether the script was inline in the page's markup: often a value the server printed into it without
/// escaping (a name like O'Brien).
/// </param>
public sealed record ErrorLocation(string Message, ScriptLocation Where, bool Inline) : CallLogEntry
{
    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.ErrorLocation;

    /// <inheritdoc />
    public override string Summary => $"{Message} (at {Where}){(Inline ? ", in an inline script of the page" : "")}";
}
