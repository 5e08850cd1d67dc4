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
}
