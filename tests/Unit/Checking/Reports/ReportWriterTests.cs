using System.Text.Json;
using System.Xml.Linq;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Shouldly;

namespace Kayako.Harness.Tests.Checking.Reports;

public sealed class ReportWriterTests
{
    [Test]
    public void The_json_report_has_the_documented_shape()
    {
        var json = SampleReport.Render(JsonReportWriter.Write, SampleReport.Create());

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(["sites", "summary", "notes", "run"]);
        var sites = root.GetProperty("sites").EnumerateArray().ToList();
        sites.Select(s => s.GetProperty("name").GetString()).ShouldBe(["home", "account & <co>"]);
        sites[0].EnumerateObject().Select(p => p.Name).ShouldBe(["name", "url", "findings", "index", "durationSeconds", "steps", "timelineEntries", "timeline"]);
        sites[1].EnumerateObject().Select(p => p.Name).ShouldBe(["name", "url", "findings", "index", "durationSeconds", "notes", "trace", "steps", "timelineEntries", "timeline"]);
        var step = sites[1].GetProperty("steps").EnumerateArray().ShouldHaveSingleItem();
        step.EnumerateObject().Select(p => p.Name).ShouldBe(["index", "jsonPath", "action", "outcome", "error"]);
        (step.GetProperty("index").GetInt32(), step.GetProperty("jsonPath").GetString(), step.GetProperty("action").GetString(), step.GetProperty("outcome").GetString())
            .ShouldBe((0, "$.sites[1].steps[0]", "click \"#chat<b>\"", "failed"));
        sites[1].GetProperty("timelineEntries").GetInt32().ShouldBe(2);
        var timeline = sites[1].GetProperty("timeline").EnumerateArray().ToList();
        timeline[0].EnumerateObject().Select(p => p.Name).ShouldBe(["sequence", "atMilliseconds", "step", "kind", "text", "pageUrl"]);
        timeline[0].GetProperty("step").ValueKind.ShouldBe(JsonValueKind.Null);
        (timeline[1].GetProperty("atMilliseconds").GetDouble(), timeline[1].GetProperty("step").GetInt32(), timeline[1].GetProperty("text").GetString())
            .ShouldBe((40, 0, "kayako.maximize()"));
        sites[1].GetProperty("durationSeconds").GetDouble().ShouldBe(1.5);
        sites[1].GetProperty("trace").GetString().ShouldBe("/tmp/traces/account.zip");
        sites[0].GetProperty("findings").GetArrayLength().ShouldBe(0);
        var findings = sites[1].GetProperty("findings").EnumerateArray().ToList();
        findings[0].EnumerateObject().Select(p => p.Name).ShouldBe(["rule", "severity", "message"]);
        findings[1].GetProperty("cause").GetString().ShouldBe("field-order");
        findings[2].GetProperty("severity").GetString().ShouldBe("warning");
        findings[2].GetProperty("step").GetInt32().ShouldBe(0);
        sites[1].GetProperty("url").GetString().ShouldBe("https://staging.example.com/account?a=1&b=2");
        var summary = root.GetProperty("summary");
        (summary.GetProperty("sites").GetInt32(), summary.GetProperty("errors").GetInt32(), summary.GetProperty("warnings").GetInt32()).ShouldBe((2, 2, 1));
        var run = root.GetProperty("run");
        run.EnumerateObject().Select(p => p.Name).ShouldBe(["harnessVersion", "configurationHash", "shard", "startedAt", "endedAt", "durationSeconds", "tokenChecked"]);
        run.GetProperty("harnessVersion").GetString().ShouldBe(CheckReport.CurrentHarnessVersion);
        run.GetProperty("shard").ValueKind.ShouldBe(JsonValueKind.Null);
        run.GetProperty("durationSeconds").GetDouble().ShouldBe(2);
        run.GetProperty("tokenChecked").GetBoolean().ShouldBeFalse();
    }

    [Test]
    public void The_json_report_records_the_shard_config_hash_and_times_a_merge_needs()
    {
        var started = new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.FromHours(2));
        var report = SampleReport.Create() with
        {
            ConfigurationHash = "ab12",
            Shard = new Shard(2, 4),
            StartedAt = started,
            EndedAt = started.AddSeconds(2),
            Sites = [.. SampleReport.Create().Sites.Select((s, i) => s with { Index = 5 + i })],
        };

        using var document = JsonDocument.Parse(SampleReport.Render(JsonReportWriter.Write, report));

        var run = document.RootElement.GetProperty("run");
        run.GetProperty("configurationHash").GetString().ShouldBe("ab12");
        (run.GetProperty("shard").GetProperty("index").GetInt32(), run.GetProperty("shard").GetProperty("count").GetInt32()).ShouldBe((2, 4));
        run.GetProperty("startedAt").GetString().ShouldBe("2026-01-31T07:30:00.0000000+00:00");
        run.GetProperty("endedAt").GetString().ShouldBe("2026-01-31T07:30:02.0000000+00:00");
        document.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("index").GetInt32()).ShouldBe([5, 6]);
    }

    [Test]
    public void The_junit_report_is_one_test_case_per_site_and_a_failure_per_error()
    {
        var xml = SampleReport.Render(JUnitReportWriter.Write, SampleReport.Create());

        var document = XDocument.Parse(xml);
        var suite = document.Root!.Element("testsuite")!;
        suite.Attribute("tests")!.Value.ShouldBe("2");
        suite.Attribute("failures")!.Value.ShouldBe("1");
        var cases = suite.Elements("testcase").ToList();
        cases.Select(c => c.Attribute("name")!.Value).ShouldBe(["home", "account & <co>"]);
        cases[0].Elements("failure").ShouldBeEmpty();
        cases[1].Elements("failure").Select(f => f.Attribute("type")!.Value).ShouldBe(["script-error", "identify-signature-invalid"]);
        cases[1].Element("system-out")!.Value.ShouldContain("warning identify-timestamp-not-number");
        suite.Element("system-out")!.Value.ShouldContain("checked for form only");
    }

    [Test]
    public void The_junit_report_drops_characters_xml_cannot_hold()
    {
        var xml = SampleReport.Render(JUnitReportWriter.Write, SampleReport.Create());

        xml.ShouldNotContain("\u0001");
        XDocument.Parse(xml).Descendants("failure").First().Value.ShouldContain("</script> done");
    }

    [Test]
    public async Task The_html_report_escapes_everything_that_came_from_a_page()
    {
        var html = await SampleReport.RenderHtmlAsync(SampleReport.Create());

        html.ShouldNotContain("<script>alert");
        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
        html.ShouldNotContain("<img src=x>");
        html.ShouldContain("account &amp; &lt;co&gt;");
        html.ShouldContain("#chat&lt;b&gt;");
        html.ShouldNotContain("<script", Case.Insensitive);
    }

    [Test]
    public async Task The_html_report_embeds_failed_step_screenshots_and_needs_nothing_else()
    {
        var html = await SampleReport.RenderHtmlAsync(SampleReport.Create());

        html.ShouldContain("data:image/png;base64," + Convert.ToBase64String(SampleReport.Png));
        html.ShouldNotContain("src=\"http", Case.Insensitive);
        html.ShouldNotContain("<link", Case.Insensitive);
        html.ShouldContain("kayako.identify(&quot;&lt;img src=x&gt;&quot;)");
        html.ShouldContain("checked for form only");
        html.ShouldContain("<td>0</td><td>open</td><td>Call</td>");
        html.ShouldContain("<td>40</td><td>0</td><td>Call</td>");
    }

    [Test]
    public void The_console_summary_is_plain_text_without_a_terminal()
    {
        using var output = new StringWriter();
        var reporter = new ConsoleReporter(output, colour: false);
        var report = SampleReport.Create();

        foreach (var site in report.Sites)
        {
            reporter.SiteFinished(site);
        }

        reporter.WriteSummary(report);

        var text = output.ToString();
        text.ShouldNotContain("\u001b[");
        text.ShouldContain("PASS home");
        text.ShouldContain("FAIL account & <co> (2 error(s), 1 warning(s)");
        text.ShouldContain("error identify-signature-invalid (cause: field-order)");
        text.ShouldContain("2 site(s), 2 error(s), 1 warning(s)");
        text.ShouldContain("note: KAYAKO_MESSENGER_TOKEN is not set");
    }

    [Test]
    public void The_json_report_gives_a_repeated_finding_once_with_its_count_and_steps()
    {
        var json = SampleReport.Render(JsonReportWriter.Write, SampleReport.Looping());

        using var document = JsonDocument.Parse(json);
        var finding = document.RootElement.GetProperty("sites")[0].GetProperty("findings").EnumerateArray().ShouldHaveSingleItem();
        finding.EnumerateObject().Select(p => p.Name).ShouldBe(["rule", "severity", "message", "count", "steps"]);
        finding.GetProperty("count").GetInt32().ShouldBe(19_871);
        finding.GetProperty("steps").EnumerateArray().Select(s => s.ValueKind == JsonValueKind.Null ? (int?)null : s.GetInt32()).ShouldBe([null, 0]);
        document.RootElement.GetProperty("summary").GetProperty("errors").GetInt32().ShouldBe(1);
    }

    [Test]
    public async Task Every_report_of_a_page_throwing_in_a_loop_stays_small_and_says_how_often()
    {
        var report = SampleReport.Looping();

        var json = SampleReport.Render(JsonReportWriter.Write, report);
        var junit = SampleReport.Render(JUnitReportWriter.Write, report);
        var html = await SampleReport.RenderHtmlAsync(report);
        using var console = new StringWriter();
        new ConsoleReporter(console, colour: false).WriteSummary(report);

        // The findings stay a few lines; the timeline is cut where the HTML report cuts it, so the file is bounded like the HTML.
        JsonDocument.Parse(json).RootElement.GetProperty("sites")[0].GetProperty("findings").GetRawText().Length.ShouldBeLessThan(2_000);
        json.Length.ShouldBeLessThan(400_000);
        junit.Length.ShouldBeLessThan(2_000);
        console.ToString().Length.ShouldBeLessThan(2_000);
        html.Length.ShouldBeLessThan(400_000);
        XDocument.Parse(junit).Descendants("failure").ShouldHaveSingleItem().Attribute("message")!.Value
            .ShouldStartWith("script-error (19871 times, at opening, step 0): Uncaught error");
        console.ToString().ShouldContain("error script-error, 19871 times, at opening, step 0");
        html.ShouldContain("19871 times, at opening, step 0");
        html.ShouldContain("The other 17871 entries are not shown");
    }
}
