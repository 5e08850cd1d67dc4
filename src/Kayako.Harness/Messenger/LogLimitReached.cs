using System.Globalization;

namespace Kayako.Harness.Messenger;

/// <summary>
/// A page reached a limit of what is logged from it; what it did after that is not logged
/// (<see cref="CallLogEntryKind.LogLimit"/>). A page that calls the messenger or throws in a loop ends up here
/// instead of filling memory and every report.
/// </summary>
/// <param name="Scope">Which limit: a document's entries, or a page's uncaught errors.</param>
/// <param name="Limit">The limit: 20,000 entries per document, 1,000 uncaught errors per page.</param>
public sealed record LogLimitReached(LogLimitScope Scope, int Limit) : CallLogEntry
{
    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.LogLimit;

    /// <inheritdoc />
    public override string Summary => Scope == LogLimitScope.Document
        ? string.Create(CultureInfo.InvariantCulture, $"the page sent the harness {Limit} entries; the rest of this page's calls, events and errors are not logged")
        : string.Create(CultureInfo.InvariantCulture, $"the page threw more than {Limit} uncaught errors; the rest are not logged");
}
