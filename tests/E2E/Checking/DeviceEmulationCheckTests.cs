using System.Text.Json;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Kayako.Harness.Configuration;
using Kayako.Harness.Hosting;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Checking;

/// <summary>
/// Devices and locale against our own pages (fixtures/sites/devices/), checked in one run: a phone-only "Chat with us"
/// button passes as an iPhone 13 and a Pixel 7 and fails on a desktop and in a merely narrow window; a page that shows
/// what it observes (language, time zone, colour scheme, viewport, scale, pointer, user agent) proves each setting
/// reached it, the configuration's, a site's over them, and an explicit viewport over a device's. Reports record what
/// each site ran as. Bad names are refused before any site runs.
/// </summary>
public sealed class DeviceEmulationCheckTests
{
    private static readonly string Folder = Path.Combine(SiteServer.SitesRoot, "devices");
    private FixtureHost host = null!;
    private CheckReport report = null!;

    [OneTimeSetUp]
    public async Task RunCheckOnceAsync()
    {
        host = await FixtureHost.StartAsync(Folder);
        report = await CheckRunner.RunAsync(HarnessConfigurationReader.Load(Path.Combine(Folder, "playwright.config.json")), Options());
    }

    [OneTimeTearDown]
    public async Task StopHostAsync() => await host.DisposeAsync();

    private CheckOptions Options() => new()
    {
        Workers = 2,
        StepTimeout = TimeSpan.FromSeconds(2),
        KeepTraces = false,
        PrepareContextAsync = host.AttachAsync,
    };

    public static IEnumerable<TestCaseData> Sites() =>
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(Path.Combine(Folder, "expected-findings.json")))!
            .Select(site => new TestCaseData(site.Key, site.Value).SetArgDisplayNames(site.Key));

    private SiteResult Site(string name) => report.Sites.Single(s => s.Name == name);

    [TestCaseSource(nameof(Sites))]
    public void Each_site_gives_exactly_the_findings_its_emulation_earns(string site, string[] expected)
    {
        var result = Site(site);

        result.Findings.Select(f => f.Rule).ShouldBe(expected,
            string.Join(Environment.NewLine, result.Findings.Select(f => f.Message).Concat(result.Steps.Select(s => s.Error).OfType<string>())));
    }

    [Test]
    public void The_phone_only_button_is_missing_on_a_desktop_and_the_finding_says_which()
    {
        var finding = Site("desktop").Findings.First(f => f.Rule == RuleIds.StepFailed);

        finding.Message.ShouldContain("#chat-phone");
    }

    [Test]
    public void The_slow_network_pass_runs_as_the_site_s_device_too()
    {
        // On a phone the button is there before the messenger loads, and clicking it queues the call in ready: no note.
        // On a desktop the pass cannot click what the desktop layout hides.
        Site("iphone").Notes.ShouldNotContain(note => note.Contains("Before the messenger loaded", StringComparison.Ordinal));
        Site("desktop").Notes.ShouldContain(note => note.Contains("Before the messenger loaded, step 0 (click \"#chat-phone\") could not be clicked", StringComparison.Ordinal), string.Join(" / ", Site("desktop").Notes));
    }

    [Test]
    public void Each_result_records_what_the_site_ran_as()
    {
        var iphone = Site("iphone").Emulation.ShouldNotBeNull();
        iphone.Device.ShouldBe("iPhone 13");
        (iphone.IsMobile, iphone.HasTouch, iphone.DeviceScaleFactor).ShouldBe((true, true, 3));
        iphone.UserAgent.ShouldNotBeNull().ShouldContain("iPhone");
        (iphone.Locale, iphone.TimezoneId, iphone.ColorScheme).ShouldBe(("de-DE", "Asia/Tokyo", "dark"));

        Site("desktop").Emulation.ShouldBe(SiteEmulation.Desktop with { Locale = "de-DE", TimezoneId = "Asia/Tokyo", ColorScheme = "dark" });
        Site("site-overrides").Emulation.ShouldBe(SiteEmulation.Desktop with { Locale = "fr-FR", TimezoneId = "America/New_York", ColorScheme = "light" });
        Site("viewport-over-device").Emulation!.Viewport.ShouldBe(new Viewport(500, 700));
        Site("android").Emulation!.UserAgent.ShouldNotBeNull().ShouldContain("Android");
    }

    [Test]
    public async Task The_json_html_junit_and_console_reports_say_a_site_ran_as_a_phone_and_json_reads_it_back()
    {
        var iphone = Site("iphone");
        var json = SampleText(JsonReportWriter.Write);
        using (var document = JsonDocument.Parse(json))
        {
            var emulation = document.RootElement.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "iphone").GetProperty("emulation");
            emulation.GetProperty("device").GetString().ShouldBe("iPhone 13");
            emulation.GetProperty("isMobile").GetBoolean().ShouldBeTrue();
            emulation.GetProperty("locale").GetString().ShouldBe("de-DE");
        }

        JsonReportReader.Read(json, "report.json").Sites.Select(s => s.Emulation).ShouldBe(report.Sites.Select(s => s.Emulation));
        using (var html = new MemoryStream())
        {
            await HtmlReportWriter.WriteAsync(report, html);
            System.Text.Encoding.UTF8.GetString(html.ToArray()).ShouldContain("ran as iPhone 13 (");
        }

        SampleText(JUnitReportWriter.Write).ShouldContain("ran as: iPhone 13 (");
        var console = new StringWriter();
        new ConsoleReporter(console, colour: false).SiteFinished(iphone);
        console.ToString().ShouldStartWith($"PASS iphone as {iphone.Emulation} (");
    }

    [Test]
    public async Task A_device_name_playwright_does_not_know_is_refused_with_the_closest_names_before_any_browser_starts()
    {
        var file = Path.Combine(Path.GetTempPath(), $"devices-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "sites": [ { "name": "a", "url": "http://harness.local/observed.html", "browser": { "device": "Pixel 77" } } ] }""");
        try
        {
            var error = await Should.ThrowAsync<ConfigurationException>(() => CheckRunner.RunAsync(HarnessConfigurationReader.Load(file), Options()));

            error.ConfigurationSource.ShouldBe(file);
            var problem = error.Problems.ShouldHaveSingleItem();
            problem.Path.ShouldBe("$.sites[0].browser.device");
            problem.Message.ShouldStartWith("\"Pixel 77\" is not one of the ");
            problem.Message.ShouldContain("the closest are \"Pixel 7\"");
            problem.Message.ShouldEndWith("List them all with: kayako-harness devices");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task A_time_zone_chromium_does_not_know_is_refused_naming_the_site_and_the_value_before_any_site_runs()
    {
        var configuration = HarnessConfigurationReader.Parse(
            """{ "sites": [ { "name": "a", "url": "http://harness.local/observed.html" }, { "name": "mars", "url": "http://harness.local/observed.html", "browser": { "timezoneId": "Mars/Olympus_Mons" } } ] }""",
            "mars.json");
        var started = new List<string>();

        var error = await Should.ThrowAsync<ConfigurationException>(() => CheckRunner.RunAsync(configuration, Options() with { Progress = new Started(started) }));

        var problem = error.Problems.ShouldHaveSingleItem();
        problem.Path.ShouldBe("$.sites[1].browser.timezoneId");
        problem.Message.ShouldStartWith("\"Mars/Olympus_Mons\" (site mars) is a time zone Chromium does not know (it said: ");
        problem.Message.ShouldContain("Mars/Olympus_Mons");
        error.Message.ShouldStartWith("mars.json has 1 problem:");
        started.ShouldBeEmpty();
    }

    private string SampleText(Action<CheckReport, Stream> write)
    {
        using var stream = new MemoryStream();
        write(report, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed class Started(List<string> started) : ICheckProgress
    {
        public void SiteStarted(string name) => started.Add(name);

        public void SiteFinished(SiteResult result)
        {
        }
    }
}
