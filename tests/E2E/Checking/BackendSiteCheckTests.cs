using System.Security.Cryptography;
using System.Text;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Kayako.Harness.Configuration;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Checking;

/// <summary>
/// Runs check against the PHP and Node demo backends, which sign identities server-side: each mistake
/// page gives exactly its findings, the correct page none, and no report ever holds the token.
/// </summary>
[TestFixture("php")]
[TestFixture("node")]
public sealed class BackendSiteCheckTests(string kind)
{
    private readonly string token = "tok/" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + "'\"";
    private SiteServer server = null!;
    private CheckReport report = null!;

    [OneTimeSetUp]
    public async Task RunCheckOnceAsync()
    {
        server = await SiteServer.StartAsync(kind, token);
        var configuration = HarnessConfigurationReader.Parse(server.ConfigurationJson(), $"{kind}/playwright.config.json");
        report = await CheckRunner.RunAsync(configuration, new CheckOptions { Token = token, Workers = 2, KeepTraces = false });
    }

    [OneTimeTearDown]
    public async Task StopServerAsync() => await server.DisposeAsync();

    public static IEnumerable<TestCaseData> Pages() =>
        ExpectedFindings.All.Select(page => new TestCaseData(page.Key, page.Value).SetArgDisplayNames(page.Key));

    [TestCaseSource(nameof(Pages))]
    public void Each_page_gives_exactly_its_findings(string site, string[] expected)
    {
        var result = report.Sites.Single(s => s.Name == site);

        result.Findings.Select(f => f.Rule).ShouldBe(expected, string.Join(Environment.NewLine, result.Findings.Select(f => f.Message)));
    }

    [Test]
    public void Every_page_of_the_site_has_an_expectation()
    {
        report.Sites.Select(s => s.Name).ShouldBe(ExpectedFindings.All.Keys, ignoreOrder: true);
    }

    [Test]
    public void The_correct_account_page_identifies_and_waits_for_forget()
    {
        var account = report.Sites.Single(s => s.Name == "account");

        account.Passed.ShouldBeTrue();
        account.Timeline.Select(t => t.Kind).ShouldContain("ForgetCallback");
        account.Timeline.ShouldContain(t => t.Kind == "Call" && t.Text.StartsWith("kayako.identify(\"Siobhán O'Brien\"", StringComparison.Ordinal));
    }

    [Test]
    public void The_exposed_token_is_located_but_never_printed()
    {
        var finding = report.Sites.Single(s => s.Name == "secret").Findings.ShouldHaveSingleItem();

        finding.Message.ShouldContain(kind == "php" ? "the markup of " + server.Origin + "secret.php" : "the script " + server.Origin + "config.js");
    }

    [Test]
    public void A_wrong_field_order_is_diagnosed_as_such()
    {
        var finding = report.Sites.Single(s => s.Name == "field-order").Findings.ShouldHaveSingleItem();

        finding.Cause.ShouldBe("field-order");
        finding.Message.ShouldContain("(diagnosed cause: field-order)");
    }

    [Test]
    public async Task No_report_contains_the_token()
    {
        foreach (var write in new Func<CheckReport, Stream, CancellationToken, Task>[] { Synchronous(JsonReportWriter.Write), Synchronous(JUnitReportWriter.Write), HtmlReportWriter.WriteAsync })
        {
            using var stream = new MemoryStream();
            await write(report, stream, CancellationToken.None);
            var text = Encoding.UTF8.GetString(stream.ToArray());

            text.ShouldNotContain(token[4..^2]);
        }
    }

    private static Func<CheckReport, Stream, CancellationToken, Task> Synchronous(Action<CheckReport, Stream> write) => (report, stream, _) =>
    {
        write(report, stream);
        return Task.CompletedTask;
    };
}
