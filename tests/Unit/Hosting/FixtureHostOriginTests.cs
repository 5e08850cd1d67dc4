using Kayako.Harness.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Shouldly;

namespace Kayako.Harness.Tests.Hosting;

public sealed class FixtureHostOriginTests
{
    [Test]
    public async Task Pages_are_served_at_the_origin_given()
    {
        // Arrange
        await using var host = await FixtureHost.StartAsync(new FixtureHostOptions { Origin = "https://shop.test" });

        // Act
        var url = host.PageUrl("/toggle.html?embed=iframe");

        // Assert
        host.Origin.ShouldBe("https://shop.test/");
        url.ShouldBe("https://shop.test/toggle.html?embed=iframe");
        (await FixtureServer.GetAsync(host, "toggle.html")).Status.ShouldBe(200);
    }

    [Test]
    public async Task The_default_origin_is_the_base_url()
    {
        // Act
        await using var host = await FixtureHost.StartAsync();

        // Assert
        host.Origin.ShouldBe(FixtureHost.BaseUrl);
        host.Description.ShouldBe("the pages bundled with Kayako.Harness");
    }

    [TestCase("harness.local")]
    [TestCase("ftp://harness.local/")]
    [TestCase("http://harness.local/pages/")]
    [TestCase("http://harness.local/?embed=iframe")]
    [TestCase("http://user@harness.local/")]
    public void An_origin_that_is_not_one_is_refused_and_named(string origin)
    {
        // Act
        var error = Should.Throw<ArgumentException>(() => FixtureHost.StartAsync(new FixtureHostOptions { Origin = origin }));

        // Assert
        error.Message.ShouldContain($"FixtureHostOptions.Origin is '{origin}'");
        error.Message.ShouldContain("such as 'http://harness.local/'");
    }

    [Test]
    public async Task The_host_leaves_the_process_signals_to_the_process()
    {
        // Arrange: ASP.NET Core's default lifetime takes Ctrl+C (and SIGTERM) for the host, which would stop the pages
        // in the middle of a `check` and keep a second Ctrl+C from ending it.
        await using var host = await FixtureHost.StartAsync();

        // Act
        var lifetime = host.Services.GetRequiredService<IHostLifetime>();

        // Assert
        lifetime.ShouldNotBeOfType<ConsoleLifetime>();
    }
}
