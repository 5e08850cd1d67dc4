namespace Kayako.Harness.Messenger;

/// <summary>
/// The page-side script sent the harness a message it could not read (<see cref="CallLogEntryKind.UnrecognizedMessage"/>):
/// a kind the harness does not know, or a field missing or of the wrong type. Only the harness's own script holds
/// the channel's secret prefix, so this is a mismatch between its JavaScript and C# — a bug to report, not
/// something the page did. Logged in place of the entry so the run goes on.
/// </summary>
/// <param name="Problem">What was wrong: <c>unknown kind 'Cal'</c>, <c>a Call needs the string field "method"</c>.</param>
/// <param name="Message">The message as received, cut to its first 500 characters.</param>
public sealed record UnrecognizedMessage(string Problem, string Message) : CallLogEntry
{
    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.UnrecognizedMessage;

    /// <inheritdoc />
    public override string Summary => $"the harness could not read a message from the page ({Problem}): {Message}";
}
