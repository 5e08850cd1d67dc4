namespace Kayako.Harness.Messenger;

/// <summary>
/// The page's main frame navigated (<see cref="CallLogEntryKind.Navigation"/>): a new document, a reload, or a
/// same-document route (<c>history.pushState</c>). Frames inside the page are not logged.
/// </summary>
/// <param name="Url">The URL navigated to. <see cref="CallLogEntry.PageUrl"/> is the same URL.</param>
public sealed record Navigation(string Url) : CallLogEntry
{
    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.Navigation;

    /// <inheritdoc />
    public override string Summary => Url;
}
