namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// Explains a wrong identity signature: given what the page sent and the token, says whether the signature is valid
/// or which mistake (or pair of mistakes) produced exactly this signature, by recomputing it every way a backend
/// gets it wrong. Deterministic; about 20 000 HMACs at most, well under 100 ms for one report.
/// </summary>
/// <remarks>
/// <para>
/// The search tries Kayako's computation first, then every single mistake, then every pair of mistakes of two
/// different causes, and stops at the first that reproduces the signature; the order is the one documented on
/// <see cref="DiagnosisCause"/>, so the simplest explanation wins. How the digest was written down (upper case,
/// base64, surrounding whitespace) is read off the signature itself and adds its cause to whatever matched.
/// </para>
/// <para>
/// Bounds that keep it fast: clock skew is searched ±900 s alone and ±60 s in pairs; a millisecond timestamp
/// signed for the seconds sent is searched with any remainder (0-999 ms) alone and with algorithm mistakes, and as
/// exactly <c>seconds × 1000</c> with message mistakes. Algorithm mistakes are only tried when their digest length
/// fits the signature. Reports whose fields exceed 1 KiB get single mistakes only (±60 s of skew), and over
/// 64 KiB only Kayako's computation, the milliseconds mix-ups and the digest form.
/// </para>
/// </remarks>
public static class SignatureDiagnosis
{
    private const int PairSearchLimit = 1024;
    private const int SingleSearchLimit = 64 * 1024;

    /// <summary>Diagnoses one report. Never throws for odd field values; never puts the token in the verdict.</summary>
    /// <param name="report">What the page sent, and the token (or <see langword="null"/> to check the form only).</param>
    /// <returns>The verdict: valid, or the cause(s), what was signed, what Kayako expects, and the fix.</returns>
    /// <exception cref="ArgumentNullException">The report or one of its strings is <see langword="null"/>.</exception>
    /// <exception cref="EmptyTokenException">The token is the empty string (pass <see langword="null"/> when unknown).</exception>
    public static SignatureVerdict Diagnose(SignatureReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(report.Name);
        ArgumentNullException.ThrowIfNull(report.Email);
        ArgumentNullException.ThrowIfNull(report.Signature);
        if (report.Token is null)
        {
            return FormOnlyDiagnosis.Diagnose(report);
        }

        if (report.Token.Length == 0)
        {
            throw new EmptyTokenException();
        }

        var observed = SignatureForm.Of(report.Signature);
        var size = report.Name.Length + report.Email.Length + report.Token.Length;
        var notes = new List<string>();
        if (size > PairSearchLimit)
        {
            notes.Add($"The report is large ({size} characters), so only {(size > SingleSearchLimit ? "the milliseconds mix-ups and the signature's form were" : "single mistakes were")} searched.");
        }

        var search = new HypothesisSearch(report, report.Token, observed, wide: size <= PairSearchLimit, millisecondsOnly: size > SingleSearchLimit);
        var match = search.Canonical() ?? search.Singles() ?? (size > PairSearchLimit ? null : search.Pairs());
        return VerdictBuilder.Build(report, observed, match, notes);
    }
}
