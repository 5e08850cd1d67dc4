using Kayako.Harness.Configuration;
using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking;

/// <summary>A click played before the messenger loaded, and the messenger calls that threw during it.</summary>
/// <param name="Step">The click step.</param>
/// <param name="Failures">The calls before ready the click's handlers made, each of which threw.</param>
internal sealed record EarlyClick(ClickStep Step, IReadOnlyList<CallBeforeReady> Failures);
