using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Kayako.Harness.Configuration;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Checking;

/// <summary>
/// Runs check once over fixtures/sites/patterns/: integrations written the way other teams write them
/// (not by the author of the rules). Every planted mistake gives exactly its rules, every correct page is
/// clean, each exposed token is located, and no report holds the token.
/// </summary>
public sealed class PatternSitesTests
{
    // Characters that need escaping in JSON, HTML, URLs and cookies, so every form of the token is exercised.
    private readonly string token = "pat/" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + "+'\"&";
    private PatternSitesServer server = null!;
    private CheckReport report = null!;

    private static readonly Expectations Expected = JsonSerializer.Deserialize<Expectations>(
        File.ReadAllText(Path.Combine(PatternSitesServer.Folder, "expected-findings.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    [OneTimeSetUp]
    public async Task RunCheckOnceAsync()
    {
        server = await PatternSitesServer.StartAsync(token);
        var configuration = HarnessConfigurationReader.Parse(server.ConfigurationJson(), "patterns/playwright.config.json");
        report = await CheckRunner.RunAsync(configuration, new CheckOptions { Token = token, Workers = 2, KeepTraces = false });
    }

    [OneTimeTearDown]
    public async Task StopServersAsync() => await server.DisposeAsync();

    public static IEnumerable<TestCaseData> Sites() =>
        Expected.Rules.Select(site => new TestCaseData(site.Key, site.Value).SetArgDisplayNames(site.Key));

    public static IEnumerable<TestCaseData> Causes() =>
        Expected.Causes.Select(site => new TestCaseData(site.Key, site.Value).SetArgDisplayNames(site.Key));

    [TestCaseSource(nameof(Sites))]
    public void Each_site_gives_exactly_its_rules(string site, string[] expected)
    {
        var result = report.Sites.Single(s => s.Name == site);

        result.Findings.Select(f => f.Rule).ShouldBe(expected, string.Join(Environment.NewLine,
            result.Findings.Select(f => f.Rule + ": " + f.Message).Concat(result.Timeline.Select(t => $"  {t.Kind} {t.Text}"))));
    }

    [TestCaseSource(nameof(Causes))]
    public void A_wrong_signature_carries_its_diagnosed_cause(string site, string cause)
    {
        var finding = report.Sites.Single(s => s.Name == site).Findings
            .Single(f => f.Rule is RuleIds.IdentifySignatureInvalid or RuleIds.IdentifySignatureMalformed);

        finding.Cause.ShouldBe(cause);
    }

    [Test]
    public void The_harness_reads_every_message_the_page_side_scripts_sent()
    {
        // Every shape of embed, error and call the sites make goes through the channel: none may reach C# unreadable.
        foreach (var site in report.Sites)
        {
            site.Timeline.ShouldNotContain(t => t.Kind == "UnrecognizedMessage", site.Name);
            site.Notes.ShouldNotContain(n => n.Contains("could not read", StringComparison.Ordinal), site.Name);
        }
    }

    [Test]
    public void A_syntax_error_in_an_inline_script_gets_the_escaping_hint_from_where_the_page_saw_it()
    {
        // The page-side script reports where the SyntaxError came from (ErrorLocation); the page error itself has no stack.
        var finding = report.Sites.Single(s => s.Name == "apostrophe").Findings.Single(f => f.Rule == RuleIds.ScriptError);

        finding.Message.ShouldContain("SyntaxError");
        finding.Message.ShouldContain("json_encode($name)");
    }

    [Test]
    public void A_messenger_script_the_pages_policy_refused_is_named_with_the_directive()
    {
        // The browser never requests a script its policy refuses; only its console error says why.
        var finding = report.Sites.Single(s => s.Name == "csp-without-cdn").Findings.Single();

        finding.Rule.ShouldBe(RuleIds.MessengerNotLoaded);
        finding.Message.ShouldContain("Content-Security-Policy refused the messenger script https://quillfield.kayakocdn.com/messenger/messenger.js");
        finding.Message.ShouldContain("directive \"script-src 'self' 'nonce-");
        finding.Message.ShouldContain("add https://quillfield.kayakocdn.com");
    }

    [Test]
    public void Every_site_in_the_configuration_has_an_expectation()
    {
        report.Sites.Select(s => s.Name).ShouldBe(Expected.Rules.Keys, ignoreOrder: true);
    }

    [TestCase("token-meta", "the markup of {node}token-meta")]
    [TestCase("token-config-object", "the markup of {node}token-config-object")]
    [TestCase("token-cookie", "cookie \"kayako_token\" for 127.0.0.1")]
    [TestCase("token-storage", "the response body of {node}api/bootstrap")]
    [TestCase("token-link", "the URL of a GET request to {node}support")]
    [TestCase("token-header", "the \"x-kayako-token\" header of a request to {node}api/chat-config")]
    public void An_exposed_token_is_located(string site, string where)
    {
        var messages = report.Sites.Single(s => s.Name == site).Findings.Select(f => f.Message).ToList();

        messages.ShouldContain(m => m.Contains(where.Replace("{node}", server.Node.AbsoluteUri, StringComparison.Ordinal), StringComparison.Ordinal),
            string.Join(Environment.NewLine, messages));
    }

    [Test]
    public async Task No_report_contains_the_token()
    {
        var secret = token[4..^4];
        foreach (var write in new Func<CheckReport, Stream, CancellationToken, Task>[] { Synchronous(JsonReportWriter.Write), Synchronous(JUnitReportWriter.Write), HtmlReportWriter.WriteAsync })
        {
            using var stream = new MemoryStream();
            await write(report, stream, CancellationToken.None);

            Encoding.UTF8.GetString(stream.ToArray()).ShouldNotContain(secret);
        }
    }

    private sealed record Expectations(Dictionary<string, string[]> Rules, Dictionary<string, string> Causes);

    private static Func<CheckReport, Stream, CancellationToken, Task> Synchronous(Action<CheckReport, Stream> write) => (report, stream, _) =>
    {
        write(report, stream);
        return Task.CompletedTask;
    };
}
