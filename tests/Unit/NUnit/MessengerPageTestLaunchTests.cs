using Kayako.Harness.NUnit;
using Microsoft.Playwright;
using Shouldly;

namespace Kayako.Harness.Tests.NUnit;

/// <summary>MessengerPageTest's own launch options, read as Playwright.NUnit reads them in its [SetUp].</summary>
public sealed class MessengerPageTestLaunchTests
{
    [Test]
    public async Task A_test_that_connects_to_a_remote_browser_gets_no_local_executable()
    {
        // Arrange
        var test = new RemoteBrowserTest();

        // Act
        var options = await test.LaunchOptionsAsync();

        // Assert
        options.ShouldNotBeNull().ExecutablePath.ShouldBeNull();
        test.ConnectOptionsCalls.ShouldBe(1);
    }

    // Not fixtures (no tests): only their launch options are read.
    private sealed class RemoteBrowserTest : MessengerPageTest
    {
        public int ConnectOptionsCalls { get; private set; }

        public override Task<(string, BrowserTypeConnectOptions?)?> ConnectOptionsAsync()
        {
            ConnectOptionsCalls++;
            return Task.FromResult<(string, BrowserTypeConnectOptions?)?>(("ws://127.0.0.1:9/playwright", null));
        }
    }
}
