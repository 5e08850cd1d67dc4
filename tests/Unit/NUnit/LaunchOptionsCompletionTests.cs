using Kayako.Harness.Hosting;
using Kayako.Harness.NUnit;
using Microsoft.Playwright;
using Shouldly;

namespace Kayako.Harness.Tests.NUnit;

/// <summary>
/// How MessengerPageTest completes Playwright's own launch options: each setting Playwright.NUnit reads (run settings,
/// HEADED, BROWSER, ConnectOptionsAsync) is honoured, and Debian's Chromium is filled in only where none is given.
/// </summary>
public sealed class LaunchOptionsCompletionTests
{
    private const string DebianHeadless = "/debian/chromium-headless-shell";
    private const string DebianHeaded = "/debian/chromium";
    private const string PlaywrightFirefox = "/playwright/firefox-1490/firefox/firefox";

    // Debian's Chromium installed, Playwright's own browsers not: this machine, and most CI machines behind a closed network.
    private static readonly LaunchSituation Debian = new()
    {
        FindDebianChromium = headless => headless ? DebianHeadless : DebianHeaded,
        FileExists = _ => false,
        HasDisplay = false,
    };

    [Test]
    public void Run_settings_launch_options_reach_the_launch_with_Debian_Chromium_filled_in()
    {
        // Arrange: what <Playwright><LaunchOptions>...</LaunchOptions></Playwright> in a .runsettings file gives.
        var fromSettings = new BrowserTypeLaunchOptions
        {
            Args = ["--lang=de-DE"],
            SlowMo = 50,
            Timeout = 12_000,
            Env = new Dictionary<string, string> { ["TZ"] = "Europe/Dublin" },
            TracesDir = "/tmp/traces",
        };

        // Act
        var options = LaunchOptionsCompletion.Complete(fromSettings, Debian);

        // Assert
        options.Args.ShouldBe(["--lang=de-DE"]);
        options.SlowMo.ShouldBe(50);
        options.Timeout.ShouldBe(12_000);
        options.Env.ShouldBe(fromSettings.Env);
        options.TracesDir.ShouldBe("/tmp/traces");
        options.Headless.ShouldBeNull("Playwright's default, headless, is left to Playwright");
        options.ExecutablePath.ShouldBe(DebianHeadless);
    }

    [Test]
    public void The_settings_instance_Playwright_shares_is_never_changed()
    {
        // Arrange
        var fromSettings = new BrowserTypeLaunchOptions { SlowMo = 10 };

        // Act
        _ = LaunchOptionsCompletion.Complete(fromSettings, Debian);

        // Assert
        fromSettings.ExecutablePath.ShouldBeNull();
    }

    [Test]
    public void No_settings_at_all_launch_Debian_headless_shell()
    {
        LaunchOptionsCompletion.Complete(null, Debian).ExecutablePath.ShouldBe(DebianHeadless);
    }

    [Test]
    public void A_headed_run_with_a_display_gets_Debian_full_browser()
    {
        // Arrange: HEADED=1, which Playwright's settings turn into Headless = false.
        var situation = Debian with { HeadedByEnvironment = true, HasDisplay = true };

        // Act
        var options = LaunchOptionsCompletion.Complete(new BrowserTypeLaunchOptions { Headless = false }, situation);

        // Assert
        options.Headless.ShouldBe(false);
        options.ExecutablePath.ShouldBe(DebianHeaded);
    }

    [Test]
    public void HEADED_without_a_display_fails_before_the_launch_saying_how_to_get_one()
    {
        // Arrange
        var situation = Debian with { HeadedByEnvironment = true, HasDisplay = false };

        // Act
        var error = Should.Throw<TestSettingsException>(() => LaunchOptionsCompletion.Complete(new BrowserTypeLaunchOptions { Headless = false }, situation));

        // Assert
        error.Message.ShouldStartWith("HEADED=1 asks for a browser window, and there is no display");
        error.Message.ShouldContain("xvfb-run dotnet test");
        error.Message.ShouldContain("unset HEADED");
    }

    [Test]
    public void Headless_false_from_the_run_settings_without_a_display_names_the_run_settings()
    {
        // Act
        var error = Should.Throw<TestSettingsException>(() => LaunchOptionsCompletion.Complete(new BrowserTypeLaunchOptions { Headless = false }, Debian));

        // Assert
        error.Message.ShouldContain("run settings' Playwright > Headless");
        error.Message.ShouldContain("set Headless to true");
    }

    [Test]
    public void An_executable_given_in_the_settings_is_used_as_it_is()
    {
        // Act
        var options = LaunchOptionsCompletion.Complete(new BrowserTypeLaunchOptions { ExecutablePath = "/opt/chrome/chrome" }, Debian);

        // Assert
        options.ExecutablePath.ShouldBe("/opt/chrome/chrome");
    }

    [Test]
    public void A_channel_given_in_the_settings_gets_no_executable()
    {
        // Act
        var options = LaunchOptionsCompletion.Complete(new BrowserTypeLaunchOptions { Channel = "chrome" }, Debian);

        // Assert
        options.Channel.ShouldBe("chrome");
        options.ExecutablePath.ShouldBeNull();
    }

    [Test]
    public void A_remote_browser_gets_the_settings_untouched_and_needs_no_local_browser_or_display()
    {
        // Arrange: ConnectOptionsAsync returns an endpoint; nothing is installed here, there is no display.
        var situation = new LaunchSituation { Connecting = true, FindDebianChromium = _ => null, FileExists = _ => false, HasDisplay = false };

        // Act
        var options = LaunchOptionsCompletion.Complete(new BrowserTypeLaunchOptions { Headless = false, SlowMo = 5 }, situation);

        // Assert
        options.ExecutablePath.ShouldBeNull();
        options.Headless.ShouldBe(false);
        options.SlowMo.ShouldBe(5);
    }

    [Test]
    public void BROWSER_firefox_not_installed_says_who_asked_and_how_to_install_it()
    {
        // Arrange
        var situation = Debian with { BrowserName = BrowserType.Firefox, BrowserNameSource = "BROWSER=firefox", PlaywrightExecutable = PlaywrightFirefox };

        // Act
        var error = Should.Throw<BrowserNotFoundException>(() => LaunchOptionsCompletion.Complete(null, situation));

        // Assert
        error.Message.ShouldStartWith($"BROWSER=firefox asks for Playwright's firefox, which is not installed (no file at {PlaywrightFirefox}).");
        error.Message.ShouldContain("playwright.ps1 install firefox");
        error.Message.ShouldContain("install firefox)");
        error.Message.ShouldContain("unset BROWSER to use Debian's Chromium");
    }

    [Test]
    public void BROWSER_firefox_installed_is_honoured_with_Playwright_own_build()
    {
        // Arrange
        var situation = Debian with
        {
            BrowserName = BrowserType.Firefox,
            BrowserNameSource = "BROWSER=firefox",
            PlaywrightExecutable = PlaywrightFirefox,
            FileExists = path => path == PlaywrightFirefox,
        };

        // Act
        var options = LaunchOptionsCompletion.Complete(new BrowserTypeLaunchOptions { SlowMo = 5 }, situation);

        // Assert
        options.ExecutablePath.ShouldBeNull("Playwright launches its own Firefox; Debian's Chromium is not a Firefox");
        options.SlowMo.ShouldBe(5);
    }

    [Test]
    public void A_browser_name_from_the_run_settings_not_installed_names_the_run_settings()
    {
        // Arrange
        var situation = Debian with { BrowserName = BrowserType.Webkit, BrowserNameSource = "the run settings (Playwright > BrowserName is webkit)" };

        // Act
        var error = Should.Throw<BrowserNotFoundException>(() => LaunchOptionsCompletion.Complete(null, situation));

        // Assert
        error.Message.ShouldStartWith("the run settings (Playwright > BrowserName is webkit) asks for Playwright's webkit");
        error.Message.ShouldContain("remove Playwright > BrowserName from the run settings");
    }

    [Test]
    public void Without_Debian_Chromium_Playwright_own_Chromium_is_used_when_installed()
    {
        // Arrange: a developer's Mac or Windows machine after `playwright.ps1 install`.
        var situation = Debian with { FindDebianChromium = _ => null, PlaywrightExecutable = "/playwright/chromium/chrome", FileExists = _ => true };

        // Act
        var options = LaunchOptionsCompletion.Complete(null, situation);

        // Assert
        options.ExecutablePath.ShouldBeNull();
    }

    [Test]
    public void No_Chromium_at_all_says_how_to_install_either()
    {
        // Arrange
        var situation = Debian with { FindDebianChromium = _ => null, PlaywrightExecutable = "/playwright/chromium/chrome" };

        // Act
        var error = Should.Throw<BrowserNotFoundException>(() => LaunchOptionsCompletion.Complete(null, situation));

        // Assert
        error.Message.ShouldContain(ChromiumLocator.InstallCommand);
        error.Message.ShouldContain("playwright.ps1 install chromium");
        error.Message.ShouldContain("(/playwright/chromium/chrome)");
    }
}
