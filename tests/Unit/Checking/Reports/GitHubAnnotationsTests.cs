using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Shouldly;

namespace Kayako.Harness.Tests.Checking.Reports;

/// <summary>GitHub Actions workflow commands: one per finding, escaped as the runner reads them, only under GitHub Actions.</summary>
public sealed class GitHubAnnotationsTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();

    [TestCase("true", ExpectedResult = true)]
    [TestCase("True", ExpectedResult = true)]
    [TestCase("false", ExpectedResult = false)]
    [TestCase("", ExpectedResult = false)]
    [TestCase("1", ExpectedResult = false)]
    public bool Annotations_are_on_only_when_GITHUB_ACTIONS_is_true(string value) =>
        GitHubAnnotations.Enabled(Environment(("GITHUB_ACTIONS", value)));

    [Test]
    public void Annotations_are_off_without_the_variable_even_under_another_ci()
    {
        GitHubAnnotations.Enabled(Environment(("CI", "true"))).ShouldBeFalse();
    }

    [TestCase("100%", "100%25")]
    [TestCase("a\r\nb", "a%0D%0Ab")]
    [TestCase("%0A", "%250A")]
    [TestCase("a: b, c", "a: b, c")]
    [TestCase("::error::x", "::error::x")]
    public void A_message_escapes_percent_and_line_breaks(string value, string escaped) =>
        GitHubAnnotations.EscapeData(value).ShouldBe(escaped);

    [TestCase("100%", "100%25")]
    [TestCase("a\r\nb", "a%0D%0Ab")]
    [TestCase("a: b, c", "a%3A b%2C c")]
    [TestCase("title=x,file=y", "title=x%2Cfile=y")]
    public void A_property_also_escapes_colons_and_commas(string value, string escaped) =>
        GitHubAnnotations.EscapeProperty(value).ShouldBe(escaped);

    [Test]
    public void Each_finding_is_one_command_by_severity_and_each_run_note_a_notice()
    {
        var report = SampleReport.Create();
        using var output = new StringWriter();

        GitHubAnnotations.Write(report, output);

        var lines = output.ToString().Split(System.Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var findings = report.Sites.SelectMany(s => s.Findings).ToList();
        lines.Length.ShouldBe(findings.Count + report.Notes.Count);
        lines.Take(findings.Count).Select(l => l.Split(' ')[0])
            .ShouldBe(findings.Select(f => f.Severity == Severity.Error ? "::error" : "::warning"));
        lines[0].ShouldStartWith($"::error title={RuleIds.ScriptError} on account & <co>::https://staging.example.com/account?a=1&b=2: Uncaught error: <script>");
        lines[2].ShouldBe($"::warning title={RuleIds.IdentifyTimestampNotNumber} on account & <co>::https://staging.example.com/account?a=1&b=2: quoted \"1700000000\"");
        lines[^1].ShouldBe($"::notice title=kayako-harness::{report.Notes[0]}");
    }

    [Test]
    public void A_multi_line_finding_stays_one_command_and_cannot_start_another()
    {
        var site = new SiteResult("a, b: c", new Uri("https://x.example/"),
            [new Finding(RuleIds.ScriptError, Severity.Error, "first\n::error title=forged::gotcha\r\n100%")], [], [], null, [], TimeSpan.Zero);
        using var output = new StringWriter();

        GitHubAnnotations.Write(new CheckReport([site], true, [], TimeSpan.Zero), output);

        output.ToString().ShouldBe(
            "::error title=script-error on a%2C b%3A c::https://x.example/: first%0A::error title=forged::gotcha%0D%0A100%25" + System.Environment.NewLine);
    }

    [Test]
    public void A_message_that_names_the_page_is_not_led_by_its_url_again()
    {
        var site = new SiteResult("home", new Uri("https://x.example/"),
            [new Finding(RuleIds.SiteUnreachable, Severity.Error, "Could not open https://x.example/: refused.")], [], [], null, [], TimeSpan.Zero);
        using var output = new StringWriter();

        GitHubAnnotations.Write(new CheckReport([site], true, [], TimeSpan.Zero), output);

        output.ToString().ShouldBe("::error title=site-unreachable on home::Could not open https://x.example/: refused." + System.Environment.NewLine);
    }

    [Test]
    public void A_repeated_finding_says_how_many_times()
    {
        using var output = new StringWriter();

        GitHubAnnotations.Write(SampleReport.Looping(), output);

        output.ToString().ShouldContain("19871 times");
    }

    [Test]
    public void A_clean_run_prints_nothing()
    {
        using var output = new StringWriter();

        GitHubAnnotations.Write(new CheckReport([new SiteResult("home", new Uri("https://x.example/"), [], [], [], null, [], TimeSpan.Zero)], true, [], TimeSpan.Zero), output);

        output.ToString().ShouldBeEmpty();
    }
}
