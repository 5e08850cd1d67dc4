using Kayako.Harness.Signing;
using Kayako.Harness.Signing.Diagnosis;
using Shouldly;

namespace Kayako.Harness.Tests.Signing.Diagnosis;

public sealed class SignatureDiagnosisTests
{
    // Made by make-bugs.php: hash_hmac('sha256', 'Ann Lee' . 'Ann.Lee@Example.com' . token . 1764000000, token).
    private static readonly BugReport ValidFromPhp = Corpus().First(b => b.ExpectedCause == DiagnosisCause.Valid && b.Report.Name == "Ann Lee");

    [Test]
    public void A_valid_signature_is_valid_and_the_fix_says_so()
    {
        var verdict = SignatureDiagnosis.Diagnose(ValidFromPhp.Report);

        verdict.Valid.ShouldBeTrue();
        verdict.Cause.ShouldBe("valid");
        verdict.Causes.ShouldBeEmpty();
        verdict.Expected.ShouldBe(ValidFromPhp.Report.Signature);
        verdict.Message.ShouldBe("Ann␠LeeAnn.Lee@Example.com[token]1764000000");
    }

    [Test]
    public void A_truncated_signature_is_no_match_and_says_it_is_truncated()
    {
        var report = ValidFromPhp.Report with { Signature = ValidFromPhp.Report.Signature[..40] };

        var verdict = SignatureDiagnosis.Diagnose(report);

        verdict.Cause.ShouldBe("no-match");
        verdict.Valid.ShouldBeFalse();
        verdict.Notes.ShouldContain(n => n.Contains("truncated", StringComparison.Ordinal) && n.Contains("40", StringComparison.Ordinal));
    }

    [TestCase("", "empty")]
    [TestCase("not a signature!", "malformed")]
    [TestCase("abc", "malformed")]
    public void An_empty_or_malformed_signature_is_no_match_with_the_reason(string signature, string reason)
    {
        var verdict = SignatureDiagnosis.Diagnose(ValidFromPhp.Report with { Signature = signature });

        verdict.Cause.ShouldBe("no-match");
        verdict.Notes.ShouldContain(n => n.Contains(reason, StringComparison.Ordinal));
    }

    [Test]
    public void Surrounding_whitespace_on_the_signature_is_a_whitespace_mistake()
    {
        var verdict = SignatureDiagnosis.Diagnose(ValidFromPhp.Report with { Signature = ValidFromPhp.Report.Signature + "\n" });

        verdict.Cause.ShouldBe("whitespace");
        verdict.Details.ShouldContain("sent the signature with surrounding whitespace");
    }

    [Test]
    public void Without_a_token_only_the_form_is_checked_and_nothing_is_called_valid()
    {
        var report = ValidFromPhp.Report with { Token = null };

        var verdict = SignatureDiagnosis.Diagnose(report);

        verdict.Valid.ShouldBeFalse();
        verdict.Cause.ShouldBe("no-match");
        verdict.Expected.ShouldBeNull();
        verdict.Notes.ShouldContain(n => n.Contains("No token", StringComparison.Ordinal));
    }

    [Test]
    public void Without_a_token_an_upper_case_millisecond_report_is_still_diagnosed()
    {
        var bug = Corpus().First(b => b.ExpectedCause == "timestamp-milliseconds+uppercase-hex" && b.Report.Timestamp > 100_000_000_000);

        var verdict = SignatureDiagnosis.Diagnose(bug.Report with { Token = null });

        verdict.Cause.ShouldBe("timestamp-milliseconds+uppercase-hex");
    }

    [TestCase("wrong-algorithm")]
    [TestCase("base64-digest")]
    public void Without_a_token_the_digest_length_and_shape_still_tell(string cause)
    {
        var bug = Corpus().First(b => b.ExpectedCause == cause && b.Report.Signature.Length is 40 or 44);

        var verdict = SignatureDiagnosis.Diagnose(bug.Report with { Token = null });

        verdict.Cause.ShouldBe(cause);
    }

    [Test]
    public void An_empty_token_is_a_configuration_mistake_not_a_diagnosis()
    {
        Should.Throw<EmptyTokenException>(() => SignatureDiagnosis.Diagnose(ValidFromPhp.Report with { Token = "" }));
    }

    [Test]
    public void Invisible_characters_are_shown_in_the_messages()
    {
        var bug = Corpus().First(b => b.ExpectedCause == "whitespace" && b.Report.Name.Contains('\u200B', StringComparison.Ordinal));

        var verdict = SignatureDiagnosis.Diagnose(bug.Report);

        verdict.Message.ShouldStartWith("Eve\\u00A0Park\\u200B");
        verdict.SenderMessage.ShouldNotBeNull().ShouldStartWith("Eve␠Park");
    }

    [Test]
    public void A_huge_report_is_still_answered_with_a_note_that_the_search_was_limited()
    {
        var report = ValidFromPhp.Report with { Name = new string('x', 200_000) };

        var verdict = SignatureDiagnosis.Diagnose(report);

        verdict.Cause.ShouldBe("no-match");
        verdict.Notes.ShouldContain(n => n.Contains("large", StringComparison.Ordinal));
    }

    [Test]
    public void A_millisecond_timestamp_that_was_also_signed_is_valid_with_a_warning()
    {
        // Made by make-bugs.php: signed round(microtime(true) * 1000) = 1764000000123, sent 1764000000.
        var bug = Corpus().First(b => b.ExpectedCause == "timestamp-milliseconds" && b.Report.Timestamp == 1764000000 && b.Report.Name == "Ann Lee");

        var verdict = SignatureDiagnosis.Diagnose(bug.Report with { Timestamp = 1764000000123 });

        verdict.Valid.ShouldBeTrue();
        verdict.Notes.ShouldContain(n => n.Contains("milliseconds", StringComparison.Ordinal));
    }

    private static IEnumerable<BugReport> Corpus() => BugCorpus.Cases(BugCorpus.Reports).Select(c => (BugReport)c.Arguments[0]!);
}
