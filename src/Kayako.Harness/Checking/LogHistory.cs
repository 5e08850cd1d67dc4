using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking;

/// <summary>Questions about the call log's recent past: which of some kinds of entry came last.</summary>
internal static class LogHistory
{
    /// <summary>The kind, among <paramref name="kinds"/>, of the latest such entry; <see langword="null"/> when there is none.</summary>
    public static CallLogEntryKind? LastOf(IReadOnlyList<CallLogEntry> entries, params CallLogEntryKind[] kinds)
    {
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (kinds.Contains(entries[i].Kind))
            {
                return entries[i].Kind;
            }
        }

        return null;
    }

    /// <summary>
    /// Waits for the messenger to load in the current top document (a <see cref="MessengerLoaded"/> after its
    /// <see cref="DocumentStarted"/>); throws <see cref="CallLogTimeoutException"/> when it does not within <paramref name="timeout"/>.
    /// </summary>
    public static Task<MessengerLoaded> WaitForLoadInCurrentDocumentAsync(CallLog log, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var since = log.Entries.OfType<DocumentStarted>().LastOrDefault()?.Sequence ?? -1;
        return log.WaitForAsync<MessengerLoaded>(e => e.Sequence > since, timeout, cancellationToken);
    }
}
