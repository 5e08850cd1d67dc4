namespace Kayako.Harness.Tests.Checking.Reports;

/// <summary>A clock moved by hand, whose one-second ticker runs when told to.</summary>
internal sealed class ManualTime : TimeProvider
{
    private readonly List<Ticker> tickers = [];
    private long now;

    public int Timers => tickers.Count(t => !t.Disposed);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => now;

    public void Advance(TimeSpan by) => now += by.Ticks;

    public void Tick()
    {
        foreach (var ticker in tickers.Where(t => !t.Disposed).ToList())
        {
            ticker.Callback(ticker.State);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var ticker = new Ticker(callback, state);
        tickers.Add(ticker);
        return ticker;
    }

    private sealed class Ticker(TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        public bool Disposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => !Disposed;

        public void Dispose() => Disposed = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
