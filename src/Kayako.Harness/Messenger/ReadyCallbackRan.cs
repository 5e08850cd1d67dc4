using System.Globalization;

namespace Kayako.Harness.Messenger;

/// <summary>
/// A <c>ready</c> callback ran (<see cref="CallLogEntryKind.ReadyCallback"/>): one the page queued before the
/// messenger loaded, run on load in order, or one passed to <c>ready</c> after load, run at once.
/// </summary>
/// <param name="QueuePosition">The callback's place in the ready queue, from 1; <see langword="null"/> for a callback passed after load.</param>
/// <param name="QueueLength">How many callbacks the queue held on load; <see langword="null"/> for a callback passed after load.</param>
public sealed record ReadyCallbackRan(int? QueuePosition, int? QueueLength) : CallLogEntry
{
    /// <summary>Whether the page queued the callback before the messenger loaded.</summary>
    public bool Queued => QueuePosition is not null;

    /// <inheritdoc />
    public override CallLogEntryKind Kind => CallLogEntryKind.ReadyCallback;

    /// <inheritdoc />
    public override string Summary => Queued
        ? string.Create(CultureInfo.InvariantCulture, $"queued callback {QueuePosition} of {QueueLength}")
        : "called after load";
}
