using System.Globalization;

namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>Turns the search result into a <see cref="SignatureVerdict"/> people can act on, without the token.</summary>
/// <remarks>
/// The token is kept out by construction: where it goes in a message, <see cref="TokenRedactor.Mask"/> is written
/// instead, and the values that came from the report (name, email, signature) pass through
/// <see cref="TokenRedactor"/> where they are shown. The text the diagnosis writes itself (causes, details, the
/// expected signature, the fixes) is never redacted, so a one-character token cannot garble it.
/// </remarks>
internal static class VerdictBuilder
{
    public static SignatureVerdict Build(SignatureReport report, SignatureForm observed, Hypothesis? match, List<string> notes)
    {
        var token = report.Token!;
        var redactor = new TokenRedactor(token);
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

        if (TokenInValues(report, redactor) is { } note)
        {
            notes.Add(note);
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
            Observed = redactor.Redact(report.Signature),
            Message = ShownMessage(canonical, redactor),
            SenderMessage = match is null ? null : ShownMessage(match.Recipe, redactor),
            SenderComputation = match is null ? null : Describe(match, observed),
            FixPhp = FixAdvice.Php(adviceCauses),
            FixNode = FixAdvice.Node(adviceCauses),
            Notes = notes,
            Recipe = match?.Recipe,
        };
    }

    /// <summary>The signed message as shown: the mask where the token goes, the name and email redacted, invisible characters made visible.</summary>
    public static string ShownMessage(SenderRecipe recipe, TokenRedactor redactor) =>
        VisibleText.Show((recipe with { Name = redactor.Redact(recipe.Name), Email = redactor.Redact(recipe.Email) }).MessageText(TokenRedactor.Mask));

    /// <summary>A note when the token (in any of its forms) occurs in a value the report holds, which is shown masked there.</summary>
    public static string? TokenInValues(SignatureReport report, TokenRedactor redactor)
    {
        var holders = new[] { ("name", report.Name), ("email", report.Email), ("signature", report.Signature) }
            .Where(value => redactor.Finds(value.Item2))
            .Select(value => value.Item1)
            .ToList();
        return holders.Count == 0
            ? null
            : $"The token occurs in the {string.Join(" and the ", holders)}; it is shown there as {TokenRedactor.Mask}.";
    }

    private static List<string> Details(Hypothesis match, SignatureForm observed)
    {
        var details = match.Mistakes.Select(m => m.Detail).ToList();
        details.AddRange(match.FormCauses.Select(observed.Detail));
        return details;
    }

    private static string Describe(Hypothesis match, SignatureForm observed)
    {
        var recipe = match.Recipe;
        var algorithm = recipe.Algorithm switch
        {
            SigningAlgorithm.HmacSha256 => $"HMAC-SHA256 keyed with {TokenRedactor.Mask}",
            SigningAlgorithm.HmacSha256KeyAndMessageSwapped => $"HMAC-SHA256 keyed with the message, over {TokenRedactor.Mask}",
            SigningAlgorithm.HmacSha1 => $"HMAC-SHA1 keyed with {TokenRedactor.Mask}",
            SigningAlgorithm.HmacSha384 => $"HMAC-SHA384 keyed with {TokenRedactor.Mask}",
            SigningAlgorithm.HmacSha512 => $"HMAC-SHA512 keyed with {TokenRedactor.Mask}",
            SigningAlgorithm.HmacMd5 => $"HMAC-MD5 keyed with {TokenRedactor.Mask}",
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

    private static IEnumerable<string> WhyNothingMatched(SignatureForm observed, string expected)
    {
        var text = observed.Trimmed;
        if (text.Length > 0 && text.Length < expected.Length && text.All(char.IsAsciiHexDigit)
            && expected.StartsWith(text.ToLowerInvariant(), StringComparison.Ordinal))
        {
            // The value says more than the form here: 40 hex digits look like SHA-1 but are the expected digest cut short.
            yield return $"The signature is truncated: its {text.Length} hex digits are the first {text.Length} of the expected {expected.Length} (a column or variable too short?).";
        }
        else if (observed.Problem is { } problem)
        {
            yield return Sentence(problem);
        }
    }

    /// <summary>A clause of <see cref="SignatureForm"/> as a note: capitalized, with a full stop.</summary>
    public static string Sentence(string clause) => string.Concat(clause[..1].ToUpperInvariant(), clause.AsSpan(1), ".");
}
