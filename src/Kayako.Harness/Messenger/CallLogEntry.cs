namespace Kayako.Harness.Messenger;

/// <summary>
/// One thing that happened between a page and the messenger, in the order it happened. Each
/// <see cref="CallLogEntryKind"/> has its own sealed record with typed properties (a
/// <see cref="MessengerCall"/> has its method and arguments, an <see cref="ApiRequest"/> its URL and body, a
/// <see cref="PageError"/> its message and stack): match on the type rather than reading text.
/// </summary>
/// <example>
/// <code>
/// var identify = session.CallLog.Entries.OfType&lt;MessengerCall&gt;().Single(c => c.Method == "identify");
/// var timestamp = identify.Arguments[3];   // a JSON number, or a string when the page quoted it
/// </code>
/// </example>
/// <remarks>
/// No entry holds the messenger token: the harness never puts it in one, and the fake API's requests and
/// answers carry only what the page sent and the verdict. What a page itself passes (arguments, URLs, its
/// errors) is logged as the page passed it.
/// </remarks>
public abstract record CallLogEntry
{
    // Only this assembly adds kinds: consumers can rely on the set of derived records being the kinds there are.
    private protected CallLogEntry()
    {
    }

    /// <summary>
    /// Position in the log, from 0; entries from every page of a context share one sequence. Assigned by
    /// <see cref="CallLog.Add{TEntry}"/>.
    /// </summary>
    public long Sequence { get; init; }

    /// <summary>The URL of the page the entry came from (the top-level page, also for the admin-panel iframe).</summary>
    public required string PageUrl { get; init; }

    /// <summary>When the harness received the entry. Assigned by <see cref="CallLog.Add{TEntry}"/>.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>What happened; each kind is one derived record.</summary>
    public abstract CallLogEntryKind Kind { get; }

    /// <summary>
    /// What happened, readable: <c>identify("Ann", "ann@example.com", "…", 1700000000)</c>,
    /// <c>identify: POST https://…/messenger/identify {"name":"Ann",…}</c>, a page error's message and stack.
    /// </summary>
    public abstract string Summary { get; }

    /// <summary>The entry as a line of <see cref="CallLog.Describe"/>: <c>#3 Call maximize()</c>.</summary>
    /// <returns>The sequence, the kind and the <see cref="Summary"/>.</returns>
    public sealed override string ToString() => $"#{Sequence} {Kind} {Summary}";
}
