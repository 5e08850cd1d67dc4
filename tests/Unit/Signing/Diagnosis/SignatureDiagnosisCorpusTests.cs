using Kayako.Harness.Signing.Diagnosis;
using Shouldly;

namespace Kayako.Harness.Tests.Signing.Diagnosis;

public sealed class SignatureDiagnosisCorpusTests
{
    private static IEnumerable<TestCaseData> Reports() => BugCorpus.Cases(BugCorpus.Reports);

    private static IEnumerable<TestCaseData> HeldOut() => BugCorpus.Cases(BugCorpus.HeldOut);

    [TestCaseSource(nameof(Reports))]
    [TestCaseSource(nameof(HeldOut))]
    public void Finds_exactly_the_mistake_the_backend_made(object entry)
    {
        var bug = (BugReport)entry;

        var verdict = SignatureDiagnosis.Diagnose(bug.Report);

        verdict.Cause.ShouldBe(bug.ExpectedCause);
        verdict.Valid.ShouldBe(bug.ExpectedCause == DiagnosisCause.Valid);
    }

    [TestCaseSource(nameof(Reports))]
    public void Never_puts_the_token_in_the_verdict(object entry)
    {
        var report = ((BugReport)entry).Report;

        var verdict = SignatureDiagnosis.Diagnose(report);

        string?[] shown =
        [
            verdict.Cause, verdict.Expected, verdict.Observed, verdict.Message, verdict.SenderMessage,
            verdict.SenderComputation, verdict.FixPhp, verdict.FixNode, verdict.ToString(), .. verdict.Details, .. verdict.Notes,
        ];
        shown.ShouldAllBe(text => text == null || !text.Contains(report.Token!, StringComparison.Ordinal));
        verdict.Message.ShouldContain("[token]");
    }

    [TestCaseSource(nameof(Reports))]
    public void Gives_the_same_answer_every_time(object entry)
    {
        var report = ((BugReport)entry).Report;

        var first = SignatureDiagnosis.Diagnose(report);
        var second = SignatureDiagnosis.Diagnose(report);

        second.Cause.ShouldBe(first.Cause);
        second.Details.ShouldBe(first.Details);
        second.SenderMessage.ShouldBe(first.SenderMessage);
    }

    [Test]
    public void The_corpus_covers_every_cause_and_several_pairs()
    {
        var causes = BugCorpus.Cases(BugCorpus.Reports).Select(c => ((BugReport)c.Arguments[0]!).ExpectedCause).ToList();

        foreach (var cause in DiagnosisCause.SimplicityOrder.Append(DiagnosisCause.Valid))
        {
            causes.ShouldContain(cause, $"no report in the corpus is made by the '{cause}' mistake");
        }

        causes.Count(c => c.Contains('+', StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(10);
    }
}
