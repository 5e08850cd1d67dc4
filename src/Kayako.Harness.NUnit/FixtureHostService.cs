using Kayako.Harness.Hosting;
using Microsoft.Playwright.NUnit;

namespace Kayako.Harness.NUnit;

/// <summary>
/// A fixture host as a Playwright.NUnit worker service: one per worker and folder, kept across the worker's tests
/// (it holds no per-test state, and starting a host for every test was a tenth of a spec's cost), and disposed with
/// the worker, as Playwright.NUnit disposes the worker's browser.
/// </summary>
internal sealed class FixtureHostService : IWorkerService
{
    private FixtureHostService(FixtureHost host)
    {
        Host = host;
    }

    public FixtureHost Host { get; }

    /// <summary>The worker's host for a folder, started on first use.</summary>
    /// <param name="test">The running test; its worker keeps the service.</param>
    /// <param name="folder">The full path of the folder to serve, or <see langword="null"/> for the bundled pages.</param>
    /// <returns>The host.</returns>
    public static async Task<FixtureHost> RegisterAsync(WorkerAwareTest test, string? folder)
    {
        var service = await test.RegisterService(
            $"Kayako.Harness.FixtureHost:{folder}",
            async () => new FixtureHostService(await FixtureHost.StartAsync(folder)));
        return service.Host;
    }

    /// <summary>Nothing to reset: the host serves the same files to every test.</summary>
    /// <returns>A completed task.</returns>
    public Task ResetAsync() => Task.CompletedTask;

    /// <summary>Stops the host, when Playwright.NUnit ends the worker.</summary>
    /// <returns>A task that completes when the host has stopped.</returns>
    public Task DisposeAsync() => Host.DisposeAsync().AsTask();
}
