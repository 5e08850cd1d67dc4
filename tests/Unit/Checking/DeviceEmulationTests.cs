using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;
using Microsoft.Playwright;
using Shouldly;

namespace Kayako.Harness.Tests.Checking;

/// <summary>
/// How the configuration's and each site's emulation layer over device descriptors. The descriptors here are made up
/// (a phone and a tablet): the real ones come from the Playwright driver, which the E2E tests start.
/// </summary>
public sealed class DeviceEmulationTests
{
    private static readonly Dictionary<string, BrowserNewContextOptions> Devices = new()
    {
        ["Phone 1"] = new()
        {
            ViewportSize = new() { Width = 390, Height = 664 }, ScreenSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 3,
            IsMobile = true, HasTouch = true, UserAgent = "Phone 1 agent",
        },
        ["Phone 1 landscape"] = new() { ViewportSize = new() { Width = 750, Height = 340 }, DeviceScaleFactor = 3, IsMobile = true, HasTouch = true, UserAgent = "Phone 1 agent" },
        ["Tablet 2"] = new() { ViewportSize = new() { Width = 800, Height = 1200 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true, UserAgent = "Tablet 2 agent" },
        ["Desktop 3"] = new() { ViewportSize = new() { Width = 1280, Height = 720 }, DeviceScaleFactor = 1, IsMobile = false, HasTouch = false, UserAgent = "Desktop agent" },
    };

    private static HarnessConfiguration Configuration(string browser, params string[] sites) => HarnessConfigurationReader.Parse(
        $$"""{ "browser": {{browser}}, "sites": [ {{string.Join(", ", sites.Select((site, i) => $$"""{ "name": "s{{i}}", "url": "https://a.example.com/"{{site}} }"""))}} ] }""",
        "/work/staging.json");

    private static IReadOnlyList<SiteEmulation> Resolve(HarnessConfiguration configuration)
    {
        var emulation = DeviceEmulation.Resolve(configuration, Devices);
        return [.. configuration.Sites.Select(emulation.For)];
    }

    [Test]
    public void Nothing_configured_is_a_desktop_chromium()
    {
        var site = Resolve(Configuration("{}", "")).Single();

        site.ShouldBe(SiteEmulation.Desktop);
        site.IsDesktopDefault.ShouldBeTrue();
        site.ToString().ShouldBe("desktop (1280×720)");
    }

    [Test]
    public void A_device_gives_its_viewport_screen_scale_agent_mobile_and_touch()
    {
        var site = Resolve(Configuration("""{ "device": "Phone 1" }""", "")).Single();

        site.ShouldBe(new SiteEmulation
        {
            Device = "Phone 1", Viewport = new Viewport(390, 664), Screen = new Viewport(390, 844), DeviceScaleFactor = 3, IsMobile = true, HasTouch = true,
            UserAgent = "Phone 1 agent",
        });
        site.ToString().ShouldBe("Phone 1 (390×664, scale 3, mobile, touch)");
    }

    [Test]
    public void An_explicit_viewport_wins_over_the_device_s_and_keeps_the_rest_of_it()
    {
        var site = Resolve(Configuration("""{ "device": "Phone 1", "viewport": { "width": 500, "height": 700 }, "locale": "de-DE" }""", "")).Single();

        site.Viewport.ShouldBe(new Viewport(500, 700));
        site.Screen.ShouldBe(new Viewport(390, 844));
        site.UserAgent.ShouldBe("Phone 1 agent");
        site.IsMobile.ShouldBeTrue();
        site.Locale.ShouldBe("de-DE");
    }

    [Test]
    public void A_site_s_keys_win_over_the_configuration_s_and_a_site_s_device_over_everything_a_device_decides()
    {
        var sites = Resolve(Configuration(
            """{ "device": "Phone 1", "viewport": { "width": 500, "height": 700 }, "locale": "de-DE", "timezoneId": "Europe/Berlin", "colorScheme": "dark" }""",
            "",
            """, "browser": { "locale": "fr-FR", "colorScheme": "light" }""",
            """, "browser": { "device": "Tablet 2" }""",
            """, "browser": { "device": "Tablet 2", "viewport": { "width": 600, "height": 600 } }""",
            """, "browser": { "device": "Desktop 3" }"""));

        // The configuration's own: its device, its viewport over the device's.
        sites[0].ShouldBe(new SiteEmulation
        {
            Device = "Phone 1", Viewport = new Viewport(500, 700), Screen = new Viewport(390, 844), DeviceScaleFactor = 3, IsMobile = true, HasTouch = true,
            UserAgent = "Phone 1 agent", Locale = "de-DE", TimezoneId = "Europe/Berlin", ColorScheme = "dark",
        });

        // A site's locale and colour scheme win; the rest is the configuration's.
        sites[1].ShouldBe(sites[0] with { Locale = "fr-FR", ColorScheme = "light" });

        // A site's device replaces all a device decides, the configuration's explicit viewport too (as spreading devices['…'] over it does),
        // and keeps what no device decides (locale, time zone, colour scheme).
        sites[2].ShouldBe(new SiteEmulation
        {
            Device = "Tablet 2", Viewport = new Viewport(800, 1200), Screen = null, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
            UserAgent = "Tablet 2 agent", Locale = "de-DE", TimezoneId = "Europe/Berlin", ColorScheme = "dark",
        });
        sites[3].ShouldBe(sites[2] with { Viewport = new Viewport(600, 600) });

        // A desktop device takes a site back to a desktop browser.
        sites[4].IsMobile.ShouldBeFalse();
        sites[4].HasTouch.ShouldBeFalse();
        sites[4].Viewport.ShouldBe(new Viewport(1280, 720));
        sites[4].ToString().ShouldBe("Desktop 3 (1280×720), locale de-DE, time zone Europe/Berlin, dark colour scheme");
    }

    [Test]
    public void The_set_up_runs_as_the_configuration_says_not_as_any_site()
    {
        var configuration = Configuration("""{ "locale": "de-DE" }""", """, "browser": { "device": "Phone 1" }""");

        DeviceEmulation.Resolve(configuration, Devices).Run.ShouldBe(SiteEmulation.Desktop with { Locale = "de-DE" });
    }

    [Test]
    public void An_unknown_device_is_named_with_its_path_the_file_the_closest_names_and_how_to_list_them()
    {
        var configuration = Configuration("""{ "device": "Phone 2" }""", """, "browser": { "device": "Tablet 2" }""", """, "browser": { "device": "Desktp 3" }""");

        var error = Should.Throw<ConfigurationException>(() => DeviceEmulation.Resolve(configuration, Devices));

        error.ConfigurationSource.ShouldBe("/work/staging.json");
        error.Problems.Select(p => p.Path).ShouldBe(["$.browser.device", "$.sites[1].browser.device"]);
        error.Problems[0].Message.ShouldBe(
            "\"Phone 2\" is not one of the 4 device names this Playwright knows; the closest are \"Phone 1\", \"Tablet 2\", \"Desktop 3\". List them all with: kayako-harness devices");
        error.Problems[1].Message.ShouldContain("the closest are \"Desktop 3\"");
        error.Message.ShouldStartWith("/work/staging.json has 2 problems:");
    }

    [Test]
    public void A_device_name_in_the_wrong_case_is_answered_with_the_right_one()
    {
        var error = Should.Throw<ConfigurationException>(() => DeviceEmulation.Resolve(Configuration("""{ "device": "phone 1" }""", ""), Devices));

        error.Problems.ShouldHaveSingleItem().Message.ShouldContain("device names are case-sensitive: write \"Phone 1\"");
    }

    [Test]
    public void The_context_is_opened_with_every_setting()
    {
        var emulation = new SiteEmulation
        {
            Device = "Phone 1", Viewport = new Viewport(390, 664), Screen = new Viewport(390, 844), DeviceScaleFactor = 3, IsMobile = true, HasTouch = true,
            UserAgent = "Phone 1 agent", Locale = "de-DE", TimezoneId = "Asia/Tokyo", ColorScheme = "no-preference",
        };

        var options = DeviceEmulation.Apply(emulation, new BrowserNewContextOptions { ServiceWorkers = ServiceWorkerPolicy.Allow });

        (options.ViewportSize!.Width, options.ViewportSize.Height).ShouldBe((390, 664));
        (options.ScreenSize!.Width, options.ScreenSize.Height).ShouldBe((390, 844));
        (options.DeviceScaleFactor, options.IsMobile, options.HasTouch, options.UserAgent).ShouldBe((3f, true, true, "Phone 1 agent"));
        (options.Locale, options.TimezoneId, options.ColorScheme).ShouldBe(("de-DE", "Asia/Tokyo", ColorScheme.NoPreference));
        options.ServiceWorkers.ShouldBe(ServiceWorkerPolicy.Allow);
    }
}
