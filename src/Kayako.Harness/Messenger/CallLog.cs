using System.Text;

namespace Kayako.Harness.Messenger;

/// <summary>
/// Everything that happened between the pages of one browser context and the messenger, in order: calls,
/// events, API requests and responses, page errors and navigations, each a typed <see cref="CallLogEntry"/>
/// (<c>log.Entries.OfType&lt;MessengerCall&gt;()</c>). Thread-safe; entries are never removed.
/// </summary>
public sealed class CallLog
{
    private readonly Lock _gate = new();
    private readonly List<CallLogEntry> _entries = [];
    private readonly TimeProvider _time;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Creates an empty log.</summary>
    /// <param name="time">The clock stamping entries; the system clock when <see langword="null"/>.</param>
    public CallLog(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary>A snapshot of the entries so far, ordered by <see cref="CallLogEntry.Sequence"/>.</summary>
    public IReadOnlyList<CallLogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Appends an entry, giving it the next sequence number and the time it was received.</summary>
    /// <typeparam name="TEntry">The kind of entry.</typeparam>
    /// <param name="entry">What happened; its <see cref="CallLogEntry.Sequence"/> and <see cref="CallLogEntry.Timestamp"/> are replaced.</param>
    /// <returns>The entry as logged.</returns>
    public TEntry Add<TEntry>(TEntry entry)
        where TEntry : CallLogEntry
    {
        ArgumentNullException.ThrowIfNull(entry);
        TaskCompletionSource changed;
        TEntry logged;
        lock (_gate)
        {
            logged = (TEntry)(entry with { Sequence = _entries.Count, Timestamp = _time.GetUtcNow() });
            _entries.Add(logged);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.SetResult();
        return logged;
    }

    /// <summary>
    /// Waits until an entry matching <paramref name="predicate"/> is in the log (one already logged counts).
    /// </summary>
    /// <param name="predicate">
    /// The entry waited for. It sees each entry once, in sequence order, so it may count (the third event, say).
    /// </param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The first matching entry.</returns>
    /// <exception cref="CallLogTimeoutException">
    /// No such entry came in time; the message lists everything that was logged.
    /// </exception>
    public async Task<CallLogEntry> WaitForAsync(Func<CallLogEntry, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var checkedCount = 0;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (; checkedCount < _entries.Count; checkedCount++)
                {
                    if (predicate(_entries[checkedCount]))
                    {
                        return _entries[checkedCount];
                    }
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CallLogTimeoutException(
                    $"No matching call log entry within {timeout.TotalMilliseconds:0} ms. {Describe()}");
            }
        }
    }

    /// <summary>
    /// Waits until an entry of type <typeparamref name="TEntry"/> matching <paramref name="predicate"/> is in the
    /// log (one already logged counts).
    /// </summary>
    /// <example><c>await log.WaitForAsync&lt;MessengerEvent&gt;(e => e.Name == "identified", TimeSpan.FromSeconds(5));</c></example>
    /// <typeparam name="TEntry">The kind of entry waited for: <see cref="MessengerCall"/>, <see cref="MessengerEvent"/>, ...</typeparam>
    /// <param name="predicate">
    /// The entry waited for. It sees each entry of the type once, in sequence order, so it may count.
    /// </param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The first matching entry.</returns>
    /// <exception cref="CallLogTimeoutException">
    /// No such entry came in time; the message lists everything that was logged.
    /// </exception>
    public async Task<TEntry> WaitForAsync<TEntry>(Func<TEntry, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
        where TEntry : CallLogEntry
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return (TEntry)await WaitForAsync(e => e is TEntry entry && predicate(entry), timeout, cancellationToken);
    }

    /// <summary>The log as text, one entry a line, for failure messages.</summary>
    /// <returns>"The call log was empty." or "The call log held:" and the entries.</returns>
    public string Describe()
    {
        var entries = Entries;
        if (entries.Count == 0)
        {
            return "The call log was empty.";
        }

        var text = new StringBuilder("The call log held:");
        foreach (var entry in entries)
        {
            text.AppendLine().Append("  ").Append(entry);
        }

        return text.ToString();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
