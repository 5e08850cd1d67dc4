using System.Reflection;
using System.Text.Json;
using Json.Schema;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Kayako.Harness.Configuration;
using Shouldly;

namespace Kayako.Harness.Tests.Checking.Reports;

/// <summary>
/// The SARIF report (<c>--sarif</c>): valid against the official SARIF 2.1.0 schema (Sarif/README.md says where the
/// copy came from), one rule per finding id, one result per finding with its level and locations.
/// </summary>
public sealed class SarifReportWriterTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepositoryFixtures.RepositoryPathOf("tests/Unit/Checking/Reports/Sarif/sarif-schema-2.1.0.json"))));

    private static readonly string[] EveryRuleId = [.. typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    // Markup, a script, JSON, control characters and a token-looking value in every text a report carries.
    private static CheckReport Hostile()
    {
        var fill = new FillStep(1, "$.sites[4].steps[1]", false, "#name", "x");
        const string nasty = "</script><script>alert(1)</script> \"quoted\" {\"token\":\"tok_0123456789abcdef\"} ]]> \u0000\u001b[31m %0A ::error::x\r\nnext";
        var site = new SiteResult(nasty, new Uri("https://staging.example.com/a?q=<b>&r=\"1\""),
            [new Finding(RuleIds.ScriptError, Severity.Error, nasty, Cause: nasty, Step: 1) { Count = 4, OccurrenceSteps = [null, 1] }],
            [new StepResult(fill, StepOutcome.Passed, null, 0, 1)], [], null, [nasty], TimeSpan.FromSeconds(1)) { Index = 4 };
        return new CheckReport([site], true, [nasty], TimeSpan.FromSeconds(1));
    }

    public static IEnumerable<TestCaseData> Reports()
    {
        yield return new TestCaseData(SampleReport.Create()).SetName("Sarif_of_a_report_with_errors_and_warnings_passes_the_official_schema");
        yield return new TestCaseData(SampleReport.Looping()).SetName("Sarif_of_a_repeated_finding_passes_the_official_schema");
        yield return new TestCaseData(Hostile()).SetName("Sarif_of_hostile_texts_passes_the_official_schema");
        yield return new TestCaseData(ShardedReports.Whole()).SetName("Sarif_of_a_merged_looking_report_passes_the_official_schema");
        yield return new TestCaseData(new CheckReport([], true, [], TimeSpan.Zero)).SetName("Sarif_of_an_empty_run_passes_the_official_schema");
        yield return new TestCaseData(SampleReport.Repeated()).SetName("Sarif_of_a_repeated_run_with_a_flaky_site_passes_the_official_schema");
    }

    [TestCaseSource(nameof(Reports))]
    public void Written_sarif_is_valid_sarif_2_1_0(CheckReport report)
    {
        using var document = JsonDocument.Parse(SampleReport.Render(SarifReportWriter.Write, report));

        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
        document.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
    }

    [Test]
    public void The_schema_is_the_draft_07_sarif_2_1_0_one()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFixtures.RepositoryPathOf("tests/Unit/Checking/Reports/Sarif/sarif-schema-2.1.0.json")));

        schema.RootElement.GetProperty("$schema").GetString().ShouldBe("http://json-schema.org/draft-07/schema#");
        schema.RootElement.GetProperty("properties").GetProperty("version").GetProperty("enum").EnumerateArray().Single().GetString().ShouldBe("2.1.0");
    }

    [Test]
    public void The_schema_rejects_a_sarif_log_with_a_wrong_level_so_validation_is_real()
    {
        var text = SampleReport.Render(SarifReportWriter.Write, SampleReport.Create()).Replace("\"level\": \"warning\"", "\"level\": \"severe\"", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);

        Schema.Value.Evaluate(document.RootElement).IsValid.ShouldBeFalse();
    }

    [Test]
    public void The_driver_names_the_tool_its_version_and_one_rule_per_finding_id()
    {
        using var document = JsonDocument.Parse(SampleReport.Render(SarifReportWriter.Write, SampleReport.Create()));
        var driver = document.RootElement.GetProperty("runs").EnumerateArray().Single().GetProperty("tool").GetProperty("driver");

        driver.GetProperty("name").GetString().ShouldBe("kayako-harness");
        driver.GetProperty("version").GetString().ShouldBe(CheckReport.CurrentHarnessVersion);
        // No home page is published for the harness: the optional informationUri is left out rather than invented.
        driver.TryGetProperty("informationUri", out _).ShouldBeFalse();
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        rules.Select(r => r.GetProperty("id").GetString()).ShouldBe(EveryRuleId, ignoreOrder: true);
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString();
            rule.GetProperty("fullDescription").GetProperty("text").GetString().ShouldNotBeNullOrWhiteSpace(id);
            rule.GetProperty("help").GetProperty("text").GetString()!.ShouldContain("Fix: ", Case.Sensitive, id);
            rule.GetProperty("help").GetProperty("markdown").GetString()!.ShouldContain("**Fix:** ", Case.Sensitive, id);
            rule.GetProperty("help").GetProperty("markdown").GetString()!.ShouldNotContain("](#", Case.Sensitive, id);
        }

        var levels = rules.ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        levels[RuleIds.TokenExposed].ShouldBe("error");
        levels[RuleIds.UndocumentedApi].ShouldBe("warning");
        levels[RuleIds.IdentifyMissingArguments].ShouldBe("warning");
    }

    [Test]
    public void Each_finding_is_one_result_with_its_rule_level_message_and_site_url()
    {
        var report = SampleReport.Create();
        using var document = JsonDocument.Parse(SampleReport.Render(SarifReportWriter.Write, report));
        var run = document.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();

        var results = run.GetProperty("results").EnumerateArray().ToList();

        var expected = report.Sites.SelectMany(s => s.Findings.Select(f => (Site: s, Finding: f))).ToList();
        results.Count.ShouldBe(expected.Count);
        foreach (var (result, (site, finding)) in results.Zip(expected))
        {
            result.GetProperty("ruleId").GetString().ShouldBe(finding.Rule);
            rules[result.GetProperty("ruleIndex").GetInt32()].ShouldBe(finding.Rule);
            result.GetProperty("level").GetString().ShouldBe(finding.Severity == Severity.Error ? "error" : "warning");
            result.GetProperty("message").GetProperty("text").GetString().ShouldBe(finding.Message);
            var location = result.GetProperty("locations").EnumerateArray().Single();
            location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe(site.Url.AbsoluteUri);
            location.TryGetProperty("logicalLocations", out _).ShouldBe(finding.Step is not null);
            result.GetProperty("properties").GetProperty("site").GetString().ShouldBe(site.Name);
        }

        results[1].GetProperty("properties").GetProperty("cause").GetString().ShouldBe("field-order");
        run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString()
            .ShouldBe(report.Notes[0]);
    }

    [Test]
    public void A_finding_about_a_step_is_located_at_the_steps_json_path_from_the_configuration()
    {
        using var document = JsonDocument.Parse(SampleReport.Render(SarifReportWriter.Write, SampleReport.Create()));

        var stepped = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == RuleIds.IdentifyTimestampNotNumber);

        // SampleReport's failing site played its step 0 from $.sites[1].steps[0].
        stepped.GetProperty("locations")[0].GetProperty("logicalLocations").EnumerateArray().Single()
            .GetProperty("fullyQualifiedName").GetString().ShouldBe("$.sites[1].steps[0]");
    }

    [Test]
    public void A_merged_report_has_no_steps_and_locates_a_step_by_the_sites_place_in_the_configuration()
    {
        var site = new SiteResult("later", new Uri("https://staging.example.com/later"),
            [new Finding(RuleIds.StepFailed, Severity.Error, "no element", Step: 2)], [], [], null, [], TimeSpan.FromSeconds(1)) { Index = 7 };

        using var document = JsonDocument.Parse(SampleReport.Render(SarifReportWriter.Write, new CheckReport([site], true, [], TimeSpan.FromSeconds(1))));

        document.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("logicalLocations")[0]
            .GetProperty("fullyQualifiedName").GetString().ShouldBe("$.sites[7].steps[2]");
    }

    [Test]
    public void A_repeated_finding_is_one_result_with_its_occurrence_count()
    {
        var report = SampleReport.Looping();
        using var document = JsonDocument.Parse(SampleReport.Render(SarifReportWriter.Write, report));

        var result = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ShouldHaveSingleItem();

        result.GetProperty("occurrenceCount").GetInt32().ShouldBe(report.Sites[0].Findings.Single().Count);
    }

    [Test]
    public void Markup_script_and_token_looking_text_stays_data_and_round_trips_exactly()
    {
        var report = Hostile();
        var text = SampleReport.Render(SarifReportWriter.Write, report);

        using var document = JsonDocument.Parse(text);
        var result = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ShouldHaveSingleItem();

        var finding = report.Sites[0].Findings[0];
        result.GetProperty("message").GetProperty("text").GetString().ShouldBe(finding.Message);
        result.GetProperty("properties").GetProperty("cause").GetString().ShouldBe(finding.Cause);
        result.GetProperty("properties").GetProperty("site").GetString().ShouldBe(report.Sites[0].Name);
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()
            .ShouldBe(report.Sites[0].Url.AbsoluteUri);
        text.ShouldNotContain("\u0000");
        text.ShouldNotContain("\u001b");
    }

    [Test]
    public void The_report_file_is_written_whole_through_the_atomic_writer()
    {
        var folder = Directory.CreateTempSubdirectory("sarif-").FullName;
        try
        {
            var path = Path.Combine(folder, "nested", "report.sarif");

            AtomicFile.Write(path, stream => SarifReportWriter.Write(SampleReport.Create(), stream));

            using var document = JsonDocument.Parse(File.ReadAllText(path));
            Schema.Value.Evaluate(document.RootElement).IsValid.ShouldBeTrue();
            Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldBe([path]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
