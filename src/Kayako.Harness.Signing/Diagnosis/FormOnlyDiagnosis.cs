using System.Globalization;

namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// Diagnosis without the token: only what the signature and timestamp show on their own (case, base64 shape,
/// length, surrounding whitespace, a millisecond-sized timestamp). It can never say "valid".
/// </summary>
internal static class FormOnlyDiagnosis
{
    public static SignatureVerdict Diagnose(SignatureReport report)
    {
        var observed = new ObservedSignature(report.Signature);
        var causes = new List<string>();
        var details = new List<string>();
        if (TimestampShape.LooksLikeMilliseconds(report.Timestamp))
        {
            causes.Add(DiagnosisCause.TimestampMilliseconds);
            details.Add($"sent {report.Timestamp.ToString(CultureInfo.InvariantCulture)}, a time in milliseconds; Kayako expects seconds");
        }

        if (observed.HasSurroundingWhitespace)
        {
            causes.Add(DiagnosisCause.Whitespace);
            details.Add("sent the signature with surrounding whitespace");
        }

        var length = observed.LikelyDigestLength;
        if (length is not null and not 32)
        {
            causes.Add(DiagnosisCause.WrongAlgorithm);
            details.Add($"sent a {length}-byte digest; HMAC-SHA256 gives 32 ({AlgorithmsOfLength(length.Value)} give {length})");
        }

        if (observed.Hex is not null && !observed.IsLowercaseHex)
        {
            causes.Add(DiagnosisCause.UppercaseHex);
            details.Add("sent the hex digest upper-cased");
        }
        else if (observed.LooksBase64 && length is not null)
        {
            causes.Add(DiagnosisCause.Base64Digest);
            details.Add("sent the digest base64-encoded instead of hex");
        }

        var notes = new List<string>
        {
            "No token in the report, so only the signature's form and the timestamp's size were checked. With the token, " +
            "diagnose recomputes the signature and also finds clock skew, field order, separators, whitespace, email case, " +
            "HTML escaping, text encoding, Unicode normalization, a missing token and swapped HMAC arguments.",
        };
        if (observed.Trimmed.Length == 0)
        {
            notes.Add("The signature is empty: the backend sent nothing (or the page never received it).");
        }
        else if (length is null)
        {
            notes.Add($"The signature is malformed: {observed.Trimmed.Length} characters is neither 64 hex digits nor base64 of a digest.");
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
            Message = VisibleText.Show(SenderRecipe.Canonical(report).MessageText("<token>")),
            FixPhp = FixAdvice.Php(shown),
            FixNode = FixAdvice.Node(shown),
            Notes = notes,
        };
    }

    private static string AlgorithmsOfLength(int length) => length switch
    {
        20 => "SHA-1 and HMAC-SHA1",
        16 => "MD5 and HMAC-MD5",
        48 => "SHA-384 and HMAC-SHA384",
        _ => "SHA-512 and HMAC-SHA512",
    };
}
