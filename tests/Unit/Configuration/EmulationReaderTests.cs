using Kayako.Harness.Configuration;
using Shouldly;

namespace Kayako.Harness.Tests.Configuration;

/// <summary>browser.device, viewport, locale, timezoneId and colorScheme, in the browser section and a site's own browser object.</summary>
public sealed class EmulationReaderTests
{
    private static HarnessConfiguration Parse(string browser, string site = "") => HarnessConfigurationReader.Parse(
        $$"""{ "browser": {{browser}}, "sites": [ { "name": "home", "url": "https://a.example.com/"{{site}} } ] }""", "inline.json");

    private static ConfigurationProblem Problem(string browser, string site = "") =>
        Should.Throw<ConfigurationException>(() => Parse(browser, site)).Problems.ShouldHaveSingleItem();

    [Test]
    public void The_browser_section_and_a_site_each_say_what_the_browser_pretends_to_be()
    {
        var configuration = Parse(
            """{ "device": "iPhone 13", "viewport": { "width": 500, "height": 800 }, "locale": "de-DE", "timezoneId": "Asia/Tokyo", "colorScheme": "dark" }""",
            """, "browser": { "device": "Pixel 7", "colorScheme": "no-preference" }""");

        configuration.Browser.Emulation.ShouldBe(new EmulationSettings
        {
            Device = "iPhone 13", Viewport = new Viewport(500, 800), Locale = "de-DE", TimezoneId = "Asia/Tokyo", ColorScheme = "dark", JsonPath = "$.browser",
        });
        configuration.Sites[0].Emulation.ShouldBe(new EmulationSettings { Device = "Pixel 7", ColorScheme = "no-preference", JsonPath = "$.sites[0].browser" });
    }

    [Test]
    public void Without_them_nothing_is_emulated()
    {
        var configuration = Parse("""{ "headless": true }""");

        configuration.Browser.Emulation.IsEmpty.ShouldBeTrue();
        configuration.Sites[0].Emulation.ShouldBeNull();
    }

    [Test]
    public void A_site_may_not_set_how_the_browser_runs_only_what_it_pretends_to_be()
    {
        var problem = Problem("{}", """, "browser": { "headless": false }""");

        problem.Path.ShouldBe("$.sites[0].browser.headless");
        problem.Message.ShouldBe("unknown key \"headless\". Allowed here: device, viewport, locale, timezoneId, colorScheme.");
    }

    [TestCase("""{ "viewport": { "width": 390 } }""", "$.browser.viewport.height", "is missing; give the viewport's height in CSS pixels, like { \"width\": 390, \"height\": 844 }.")]
    [TestCase("""{ "viewport": { "width": 0, "height": 844 } }""", "$.browser.viewport.width", "must be a whole number from 1 to 10000, not the number 0.")]
    [TestCase("""{ "viewport": { "width": 390.5, "height": 844 } }""", "$.browser.viewport.width", "must be a whole number from 1 to 10000, not the number 390.5.")]
    [TestCase("""{ "viewport": { "width": "390", "height": 844 } }""", "$.browser.viewport.width", "must be a whole number from 1 to 10000, not the string \"390\".")]
    [TestCase("""{ "viewport": { "width": 390, "height": 844, "depth": 1 } }""", "$.browser.viewport.depth", "unknown key \"depth\". Allowed here: width, height.")]
    [TestCase("""{ "viewport": "390x844" }""", "$.browser.viewport", "must be an object, not the string \"390x844\".")]
    [TestCase("""{ "device": "" }""", "$.browser.device", "must not be empty.")]
    [TestCase("""{ "device": 13 }""", "$.browser.device", "must be a string, not the number 13.")]
    [TestCase("""{ "colorScheme": "Dark" }""", "$.browser.colorScheme", "must be \"light\", \"dark\" or \"no-preference\" (what the page's prefers-color-scheme media query sees), not the string \"Dark\".")]
    [TestCase("""{ "colorScheme": null }""", "$.browser.colorScheme", "must be a string, not null.")]
    public void A_bad_value_is_named_with_its_path_and_what_is_allowed(string browser, string path, string message)
    {
        var problem = Problem(browser);

        problem.Path.ShouldBe(path);
        problem.Message.ShouldBe(message);
    }

    [Test]
    public void A_locale_written_with_an_underscore_is_shown_with_a_dash()
    {
        var problem = Problem("""{ "locale": "en_US" }""");

        problem.Path.ShouldBe("$.browser.locale");
        problem.Message.ShouldBe("\"en_US\" is not a locale; give a BCP 47 language tag with dashes, like \"de-DE\", \"en-GB\" or \"pt-BR\" (\"en-US\", not \"en_US\").");
    }

    [TestCase("+02:00")]
    [TestCase("Europe Berlin")]
    [TestCase("/Europe/Berlin")]
    public void A_time_zone_that_is_no_iana_name_is_refused_with_examples(string zone)
    {
        var problem = Problem($$"""{ "timezoneId": "{{zone}}" }""", "");

        problem.Path.ShouldBe("$.browser.timezoneId");
        problem.Message.ShouldStartWith($"\"{zone}\" is not an IANA time zone name; give one like \"Europe/Berlin\"");
    }

    [TestCase("UTC")]
    [TestCase("Etc/GMT+5")]
    [TestCase("America/Argentina/Buenos_Aires")]
    [TestCase("America/Port-au-Prince")]
    public void An_iana_shaped_time_zone_is_taken_and_left_to_chromium_to_judge(string zone)
    {
        Parse($$"""{ "timezoneId": "{{zone}}" }""").Browser.Emulation.TimezoneId.ShouldBe(zone);
    }

    [Test]
    public void Every_problem_of_a_site_s_browser_object_is_listed_at_once()
    {
        var error = Should.Throw<ConfigurationException>(() => Parse("{}",
            """, "browser": { "device": "", "viewport": { "height": 10001 }, "locale": "x", "colorScheme": "black" }"""));

        error.Problems.Select(p => p.Path).ShouldBe([
            "$.sites[0].browser.device", "$.sites[0].browser.viewport.width", "$.sites[0].browser.viewport.height",
            "$.sites[0].browser.locale", "$.sites[0].browser.colorScheme",
        ], ignoreOrder: true);
        error.Message.ShouldStartWith("inline.json has 5 problems:");
    }
}
