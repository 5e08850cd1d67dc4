using Kayako.Harness.Checking;
using Kayako.Harness.Configuration;
using Kayako.Harness.Messenger;
using Shouldly;

namespace Kayako.Harness.Tests.Checking;

/// <summary>
/// How the runs of a site played several times become one result: agreement, flaky, the count of runs per finding, and
/// which run the site shows.
/// </summary>
public sealed class RepeatedRunsTests
{
    private static readonly Finding Early = new(RuleIds.CalledBeforeReady, Severity.Error, "kayako.maximize(…) threw (at app.js?page=1:3:15)");
    private static readonly Finding Mismatch = new(RuleIds.ControlStateMismatch, Severity.Error, "expected maximized, was minimized", Step: 0);
    private static readonly Finding Undocumented = new(RuleIds.UndocumentedApi, Severity.Warning, "kayako.isInChat()");

    private static SiteResult Run(int run, params Finding[] findings)
    {
        var step = new StepResult(new ExpectStep(0, "$.sites[0].steps[0]", MessengerVisibility.Maximized, null), findings.Length == 0 ? StepOutcome.Passed : StepOutcome.Failed,
            null, 0, 1, null, findings.Length == 0 ? null : new byte[] { (byte)run });
        return new SiteResult("racy", new Uri("http://racy.test/"), findings, [step],
            [new TimelineEntry(0, 0, "Navigation", $"run {run}", "http://racy.test/")], null, [], TimeSpan.FromSeconds(1));
    }

    private static SiteResult Combine(params SiteResult[] runs)
    {
        var gathered = new RepeatedRuns(runs.Length);
        // Runs finish in any order on any worker: add them last to first.
        for (var i = runs.Length; i >= 1; i--)
        {
            gathered.Add(i, runs[i - 1]).ShouldBe(i == 1);
        }

        return gathered.Combine(TimeSpan.FromSeconds(7));
    }

    [Test]
    public void Runs_that_found_the_same_errors_are_a_plain_failure_each_finding_in_every_run()
    {
        var site = Combine(Run(1, Early, Mismatch), Run(2, Early, Mismatch), Run(3, Early, Mismatch));

        site.Flaky.ShouldBeFalse();
        site.Passed.ShouldBeFalse();
        site.Repeat.ShouldNotBeNull().FailedRuns.ShouldBe([1, 2, 3]);
        site.Findings.Select(f => (f.Rule, f.Runs)).ShouldBe([(RuleIds.CalledBeforeReady, (int?)3), (RuleIds.ControlStateMismatch, 3)]);
        site.Duration.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Test]
    public void Two_findings_of_one_run_that_differ_only_in_numbers_are_both_kept()
    {
        var first = new Finding(RuleIds.ScriptError, Severity.Error, "Uncaught error: widget 1 failed");
        var second = new Finding(RuleIds.ScriptError, Severity.Error, "Uncaught error: widget 2 failed");

        var site = Combine(Run(1), Run(2, first, second), Run(3, first, second));

        site.Findings.Select(f => (f.Message, f.Runs)).ShouldBe([(first.Message, (int?)2), (second.Message, 2)]);
        site.Flaky.ShouldBeTrue();
    }

    [Test]
    public void Runs_that_disagree_are_flaky_with_the_count_of_each_finding_and_the_first_failing_run_shown()
    {
        var site = Combine(Run(1), Run(2, Early, Mismatch), Run(3), Run(4, Early, Mismatch), Run(5), Run(6));

        site.Flaky.ShouldBeTrue();
        site.Passed.ShouldBeFalse();
        site.Repeat.ShouldNotBeNull();
        (site.Repeat.Runs, site.Repeat.ShownRun).ShouldBe((6, 2));
        site.Repeat.FailedRuns.ShouldBe([2, 4]);
        site.Findings.Select(f => f.Runs).ShouldBe([(int?)2, 2]);
        site.Repeat.InRuns(site.Findings[0]).ShouldBe("in 2 of 6 runs");
        site.Repeat.Describe().ShouldBe("flaky: 2 of 6 runs failed");
        site.Timeline.Single().Text.ShouldBe("run 2");
        site.Steps.Single().Screenshot!.Value.ToArray().ShouldBe(new byte[] { 2 });
        site.Notes[0].ShouldStartWith("Played 6 times, each in a fresh context: 2 failed (runs 2, 4). The runs disagree: flaky");
    }

    [Test]
    public void Findings_that_differ_only_in_numbers_are_one_finding()
    {
        var site = Combine(Run(1, Early), Run(2, Early with { Message = "kayako.maximize(…) threw (at app.js?page=7:3:15)" }));

        site.Flaky.ShouldBeFalse();
        site.Findings.ShouldHaveSingleItem().Runs.ShouldBe(2);
        site.Findings[0].Message.ShouldBe(Early.Message);
    }

    [Test]
    public void Findings_only_some_runs_gave_follow_those_of_the_run_shown()
    {
        var site = Combine(Run(1, Undocumented), Run(2, Early), Run(3, Early, Mismatch));

        site.Repeat!.ShownRun.ShouldBe(2);
        site.Findings.Select(f => (f.Rule, f.Runs)).ShouldBe(
            [(RuleIds.CalledBeforeReady, (int?)2), (RuleIds.UndocumentedApi, 1), (RuleIds.ControlStateMismatch, 1)]);
    }

    [Test]
    public void Runs_that_disagree_only_on_a_warning_are_flaky_and_still_pass()
    {
        var site = Combine(Run(1), Run(2, Undocumented));

        site.Flaky.ShouldBeTrue();
        site.Passed.ShouldBeTrue();
        site.Repeat!.FailedRuns.ShouldBeEmpty();
        site.Repeat.ShownRun.ShouldBe(2);
        site.Repeat.Describe().ShouldBe("flaky: 2 runs passed with different warnings");
    }

    [Test]
    public void Clean_runs_pass_without_a_note()
    {
        var site = Combine(Run(1), Run(2), Run(3));

        site.Flaky.ShouldBeFalse();
        site.Passed.ShouldBeTrue();
        site.Findings.ShouldBeEmpty();
        site.Notes.ShouldBeEmpty();
        site.Repeat!.Describe().ShouldBe("all 3 runs passed");
    }

    [Test]
    public void A_token_seen_in_any_run_drops_the_screenshots_of_the_run_shown()
    {
        var exposed = new Finding(RuleIds.TokenExposed, Severity.Error, "the token is in the markup");

        var site = Combine(Run(1, Early), Run(2, Early, exposed));

        site.Repeat!.ShownRun.ShouldBe(1);
        site.Steps.ShouldAllBe(step => step.Screenshot == null);
    }
}
