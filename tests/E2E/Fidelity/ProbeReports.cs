using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Kayako.Harness.E2E.Tests.Fidelity;

/// <summary>
/// Collects what the probe pages (fixtures/probes/) post to <c>/__probe/&lt;name&gt;</c>, by routing that
/// path in each browser context it is attached to.
/// </summary>
internal sealed class ProbeReports
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> received = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> first = new(StringComparer.Ordinal);

    /// <summary>Routes the report endpoint of every origin in the context here (register after the page routes: later routes win).</summary>
    public Task AttachAsync(IBrowserContext context) => context.RouteAsync("**/__probe/*", ReceiveAsync);

    /// <summary>Every report a probe sent, in arrival order.</summary>
    public IReadOnlyList<string> Of(string probe) => received.TryGetValue(probe, out var reports) ? [.. reports] : [];

    /// <summary>Waits for the probe's first report, at most <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForAsync(string probe, TimeSpan timeout)
    {
        try
        {
            await Signal(probe).Task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private TaskCompletionSource Signal(string probe) =>
        first.GetOrAdd(probe, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task ReceiveAsync(IRoute route)
    {
        var request = route.Request;
        var probe = Uri.UnescapeDataString(new Uri(request.Url).Segments[^1]);
        received.GetOrAdd(probe, _ => new ConcurrentQueue<string>()).Enqueue(request.PostData ?? "");
        await route.FulfillAsync(new RouteFulfillOptions { Status = 204 });
        Signal(probe).TrySetResult();
    }
}
