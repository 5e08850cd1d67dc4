using Kayako.Harness.Configuration;
using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking;

/// <summary>A click played before the messenger loaded, and the messenger calls that threw during it.</summary>
/// <param name="Step">The click step.</param>
/// <param name="Failures">The <see cref="CallLogEntryKind.CallBeforeReady"/> entries the click's handlers caused.</param>
internal sealed record EarlyClick(ClickStep Step, IReadOnlyList<CallLogEntry> Failures);
