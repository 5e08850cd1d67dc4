using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Reports;
using Shouldly;

namespace Kayako.Harness.Tests.Checking.Reports;

public sealed class FindingGroupsTests
{
    private static readonly Finding Tick = new(RuleIds.ScriptError, Severity.Error, "Uncaught error on http://x/: Error: tick");

    [Test]
    public void A_page_throwing_in_a_loop_is_one_finding_with_its_count_and_where_it_happened()
    {
        Finding[] findings = [.. Enumerable.Repeat(Tick, 19_000), .. Enumerable.Repeat(Tick with { Step = 0 }, 800), .. Enumerable.Repeat(Tick with { Step = 2 }, 71)];

        var grouped = FindingGroups.Group(findings);

        var finding = grouped.ShouldHaveSingleItem();
        finding.Count.ShouldBe(19_871);
        finding.Step.ShouldBeNull();
        finding.OccurrenceSteps.ShouldBe([null, 0, 2]);
        finding.Message.ShouldBe(Tick.Message);
        FindingGroups.Repetition(finding).ShouldBe("19871 times, at opening, step 0, step 2");
    }

    [Test]
    public void Findings_seen_once_stay_as_they_were_in_the_order_they_first_happened()
    {
        var other = new Finding(RuleIds.ScriptError, Severity.Error, "Uncaught error on http://x/: Error: tock", Step: 1);
        var warning = new Finding(RuleIds.IdentifyTimestampNotNumber, Severity.Warning, Tick.Message);
        Finding[] findings = [Tick, other, warning, Tick];

        var grouped = FindingGroups.Group(findings);

        grouped.Select(f => (f.Rule, f.Message, f.Count)).ShouldBe([(Tick.Rule, Tick.Message, 2), (other.Rule, other.Message, 1), (warning.Rule, warning.Message, 1)]);
        grouped[1].ShouldBeSameAs(other);
        grouped[1].OccurrenceSteps.ShouldBeEmpty();
        FindingGroups.Repetition(grouped[1]).ShouldBeNull();
    }

    [Test]
    public void The_same_message_with_another_cause_is_another_finding()
    {
        var invalid = new Finding(RuleIds.IdentifySignatureInvalid, Severity.Error, "bad signature", Cause: "field-order");

        FindingGroups.Group([invalid, invalid with { Cause = "uppercase-hex" }]).Count.ShouldBe(2);
    }

    [Test]
    public void Past_the_limit_the_other_messages_of_a_rule_are_counted_in_one_finding()
    {
        var findings = Enumerable.Range(0, FindingGroups.MaxPerRule + 300)
            .SelectMany(i => Enumerable.Repeat(Tick with { Message = $"Uncaught error: tick {i}" }, 2))
            .Append(new Finding(RuleIds.StepFailed, Severity.Error, "no element matches #chat", Step: 1))
            .ToList();

        var grouped = FindingGroups.Group(findings);

        grouped.Count.ShouldBe(FindingGroups.MaxPerRule + 2);
        grouped.Take(FindingGroups.MaxPerRule).ShouldAllBe(f => f.Rule == RuleIds.ScriptError && f.Count == 2);
        grouped[FindingGroups.MaxPerRule].Rule.ShouldBe(RuleIds.StepFailed);
        var rest = grouped[^1];
        rest.Rule.ShouldBe(RuleIds.ScriptError);
        rest.Severity.ShouldBe(Severity.Error);
        rest.Count.ShouldBe(600);
        rest.Message.ShouldStartWith($"600 more script-error finding(s) with 300 other message(s), not listed one by one; the first of them: Uncaught error: tick {FindingGroups.MaxPerRule}");
        findings.Count.ShouldBe(grouped.Sum(f => f.Count));
    }
}
