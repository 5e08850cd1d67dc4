using Kayako.Harness.NUnit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright.NUnit;
using Shouldly;

namespace Kayako.Harness.Tests.NUnit;

/// <summary>The fixture host as a Playwright.NUnit worker service: shared within a worker, disposed with it.</summary>
public sealed class FixtureHostServiceTests
{
    [Test]
    public async Task A_worker_has_one_host_per_folder_and_stops_them_when_it_ends()
    {
        // Arrange: what Playwright.NUnit's [SetUp] does for each test.
        var worker = new WorkerProbe();
        worker.WorkerSetup();

        // Act
        var bundled = await FixtureHostService.RegisterAsync(worker, folder: null);
        var again = await FixtureHostService.RegisterAsync(worker, folder: null);
        var folder = await FixtureHostService.RegisterAsync(worker, RepositoryFixtures.PathOf("pages"));
        var stopped = new[] { bundled, folder }.Select(host => host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped).ToList();
        // Playwright.NUnit ends a worker whose test did not pass; this test has not passed yet.
        await worker.WorkerTeardown();

        // Assert
        again.ShouldBeSameAs(bundled);
        folder.ShouldNotBeSameAs(bundled);
        folder.Description.ShouldBe(RepositoryFixtures.PathOf("pages"));
        stopped.ShouldAllBe(token => token.IsCancellationRequested);
    }

    private sealed class WorkerProbe : WorkerAwareTest;
}
