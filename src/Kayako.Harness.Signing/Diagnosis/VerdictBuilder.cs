using System.Globalization;

namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>Turns the search result into a <see cref="SignatureVerdict"/> people can act on, without the token.</summary>
internal static class VerdictBuilder
{
    private const string TokenShown = "<token>";

    public static SignatureVerdict Build(SignatureReport report, ObservedSignature observed, Hypothesis? match, List<string> notes)
    {
        var token = report.Token!;
        var canonical = SenderRecipe.Canonical(report);
        var expected = Convert.ToHexStringLower(MessengerSignature.ComputeMac(report.Name, report.Email, token, report.Timestamp));
        if (TimestampShape.LooksLikeMilliseconds(report.Timestamp))
        {
            notes.Add($"The timestamp {report.Timestamp.ToString(CultureInfo.InvariantCulture)} is in milliseconds; Kayako expects Unix seconds and rejects it as out of date even when the signature matches.");
        }

        var valid = match is not null && match.Mistakes.Count == 0 && match.FormCauses.Count == 0;
        if (match is null)
        {
            notes.AddRange(WhyNothingMatched(observed, expected));
        }

        var causes = valid ? [] : match?.Causes ?? [];
        var adviceCauses = valid ? [DiagnosisCause.Valid] : causes.Count == 0 ? [DiagnosisCause.NoMatch] : causes;
        return new SignatureVerdict
        {
            Valid = valid,
            Cause = valid ? DiagnosisCause.Valid : DiagnosisCause.Join(causes),
            Causes = causes,
            Details = valid || match is null ? [] : Details(match, observed),
            Expected = expected,
            Observed = report.Signature,
            Message = Redact(VisibleText.Show(canonical.MessageText(TokenShown)), token),
            SenderMessage = match is null ? null : Redact(VisibleText.Show(match.Recipe.MessageText(TokenShown)), token),
            SenderComputation = match is null ? null : Describe(match, observed),
            FixPhp = FixAdvice.Php(adviceCauses),
            FixNode = FixAdvice.Node(adviceCauses),
            Notes = notes.Select(n => Redact(n, token)).ToList(),
            Recipe = match?.Recipe,
        };
    }

    /// <summary>Guards against a token that also occurs inside the name or email.</summary>
    public static string Redact(string text, string token) =>
        token.Length == 0 ? text : text.Replace(token, TokenShown, StringComparison.Ordinal);

    private static List<string> Details(Hypothesis match, ObservedSignature observed)
    {
        var details = match.Mistakes.Select(m => m.Detail).ToList();
        if (observed.HasSurroundingWhitespace)
        {
            details.Add("sent the signature with surrounding whitespace");
        }

        if (match.FormCauses.Contains(DiagnosisCause.UppercaseHex))
        {
            details.Add(observed.HexHasMixedCase ? "sent the hex digest in mixed case" : "sent the hex digest upper-cased");
        }

        if (match.FormCauses.Contains(DiagnosisCause.Base64Digest))
        {
            details.Add(observed.Base64OfHex is not null && observed.Base64 is not null && observed.Base64.Length != SenderRecipe.DigestLength(match.Recipe.Algorithm)
                ? "sent the hex digest's text base64-encoded"
                : "sent the raw digest base64-encoded instead of hex");
        }

        return details;
    }

    private static string Describe(Hypothesis match, ObservedSignature observed)
    {
        var recipe = match.Recipe;
        var algorithm = recipe.Algorithm switch
        {
            SigningAlgorithm.HmacSha256 => "HMAC-SHA256 keyed with <token>",
            SigningAlgorithm.HmacSha256KeyAndMessageSwapped => "HMAC-SHA256 keyed with the message, over <token>",
            SigningAlgorithm.HmacSha1 => "HMAC-SHA1 keyed with <token>",
            SigningAlgorithm.HmacSha384 => "HMAC-SHA384 keyed with <token>",
            SigningAlgorithm.HmacSha512 => "HMAC-SHA512 keyed with <token>",
            SigningAlgorithm.HmacMd5 => "HMAC-MD5 keyed with <token>",
            SigningAlgorithm.Sha256 => "SHA-256 (no key)",
            SigningAlgorithm.Sha1 => "SHA-1 (no key)",
            SigningAlgorithm.Sha512 => "SHA-512 (no key)",
            _ => "MD5 (no key)",
        };
        var key = recipe.TokenSuffix.Length > 0 ? $" (token followed by {VisibleText.Show(recipe.TokenSuffix)})" : "";
        var encoding = recipe.Encoding switch
        {
            MessageEncoding.Utf8 => "UTF-8",
            MessageEncoding.Latin1 => "ISO-8859-1",
            MessageEncoding.Latin1LowByte => "Node 'latin1'",
            MessageEncoding.Windows1252 => "Windows-1252",
            MessageEncoding.Utf16LittleEndian => "UTF-16LE",
            MessageEncoding.Utf16BigEndian => "UTF-16BE",
            _ => "UTF-8 encoded twice",
        };
        var digest = match.FormCauses.Contains(DiagnosisCause.Base64Digest) ? "base64"
            : match.FormCauses.Contains(DiagnosisCause.UppercaseHex) ? "upper-case hex" : "lowercase hex";
        return $"{algorithm}{key}, message as {encoding}, written as {digest}{(observed.HasSurroundingWhitespace ? " with surrounding whitespace" : "")}";
    }

    private static IEnumerable<string> WhyNothingMatched(ObservedSignature observed, string expected)
    {
        var text = observed.Trimmed;
        if (text.Length == 0)
        {
            yield return "The signature is empty: the backend sent nothing (or the page never received it).";
            yield break;
        }

        var lower = text.ToLowerInvariant();
        if (text.All(char.IsAsciiHexDigit) && lower.Length < expected.Length && expected.StartsWith(lower, StringComparison.Ordinal))
        {
            yield return $"The signature is truncated: its {text.Length} hex digits are the first {text.Length} of the expected {expected.Length} (a column or variable too short?).";
        }
        else if (observed.Hex is null && observed.Base64 is null)
        {
            var odd = text.FirstOrDefault(c => !char.IsAsciiLetterOrDigit(c) && c is not ('+' or '/' or '=' or '-' or '_'));
            yield return odd == default
                ? $"The signature is malformed: {text.Length} characters, neither hex digits nor base64."
                : $"The signature is malformed: it contains '{VisibleText.Show(odd.ToString())}', which is neither hex nor base64.";
        }
        else if (observed.LikelyDigestLength is null)
        {
            yield return $"The signature is malformed: {text.Length} characters is not the length of any digest diagnose knows (64 hex digits expected).";
        }
    }
}
