using System.Globalization;

namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// Diagnosis without the token: only what the signature and timestamp show on their own (what
/// <see cref="SignatureForm"/> reads off the signature, and a millisecond-sized timestamp). It can never say "valid".
/// </summary>
internal static class FormOnlyDiagnosis
{
    public static SignatureVerdict Diagnose(SignatureReport report)
    {
        var form = SignatureForm.Of(report.Signature);
        var causes = new List<string>();
        var details = new List<string>();
        if (TimestampShape.LooksLikeMilliseconds(report.Timestamp))
        {
            causes.Add(DiagnosisCause.TimestampMilliseconds);
            details.Add($"sent {report.Timestamp.ToString(CultureInfo.InvariantCulture)}, a time in milliseconds; Kayako expects seconds");
        }

        causes.AddRange(form.Causes);
        details.AddRange(form.Details);
        var notes = new List<string>
        {
            "No token in the report, so only the signature's form and the timestamp's size were checked. With the token, " +
            "diagnose recomputes the signature and also finds clock skew, field order, separators, whitespace, email case, " +
            "HTML escaping, text encoding, Unicode normalization, a missing token and swapped HMAC arguments.",
        };
        if (form.Causes.Count == 0 && form.Problem is { } problem)
        {
            notes.Add(VerdictBuilder.Sentence(problem));
        }

        var shown = causes.Count == 0 ? [DiagnosisCause.NoMatch] : causes;
        return new SignatureVerdict
        {
            Valid = false,
            Cause = DiagnosisCause.Join(causes),
            Causes = causes,
            Details = details,
            Expected = null,
            Observed = report.Signature,
            Message = VerdictBuilder.ShownMessage(SenderRecipe.Canonical(report), new TokenRedactor(null)),
            FixPhp = FixAdvice.Php(shown),
            FixNode = FixAdvice.Node(shown),
            Notes = notes,
        };
    }
}
