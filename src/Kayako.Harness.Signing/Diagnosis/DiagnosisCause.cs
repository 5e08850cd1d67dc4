namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// The names of the mistakes <see cref="SignatureDiagnosis"/> recognises, as docs/ARCHITECTURE.md lists them (users: README, "Why is my signature wrong?").
/// Two causes at once are joined with <c>+</c> in <see cref="PipelineOrder"/>, for example
/// <c>timestamp-milliseconds+uppercase-hex</c>.
/// </summary>
/// <remarks>
/// <para>
/// When more than one explanation reproduces the observed signature, the simplest wins, so the same report always
/// gets the same answer: fewer causes before more causes; among explanations with as many causes, the one whose
/// causes come first in <see cref="SimplicityOrder"/> (compared cause by cause); within one cause, the variant
/// listed first (the smallest clock skew, PHP's <c>htmlspecialchars</c> before other escapers, and so on).
/// </para>
/// </remarks>
public static class DiagnosisCause
{
    /// <summary>The signature is exactly what Kayako computes.</summary>
    public const string Valid = "valid";

    /// <summary>Nothing the diagnosis knows reproduces the signature (or the signature is truncated or malformed).</summary>
    public const string NoMatch = "no-match";

    /// <summary>One side used milliseconds and the other seconds (<c>Date.now()</c>, <c>microtime(true) * 1000</c>).</summary>
    public const string TimestampMilliseconds = "timestamp-milliseconds";

    /// <summary>The timestamp that was signed is a few seconds or minutes away from the one sent (two clock reads).</summary>
    public const string TimestampSkew = "timestamp-skew";

    /// <summary>The hex digest was upper-cased (<c>strtoupper</c>, <c>.toUpperCase()</c>).</summary>
    public const string UppercaseHex = "uppercase-hex";

    /// <summary>The raw digest was base64-encoded instead of hex (<c>base64_encode(hash_hmac(..., true))</c>, <c>.digest('base64')</c>).</summary>
    public const string Base64Digest = "base64-digest";

    /// <summary>The four fields were concatenated in another order.</summary>
    public const string FieldOrder = "field-order";

    /// <summary>The token was used as the key but left out of the message.</summary>
    public const string TokenMissingFromMessage = "token-missing-from-message";

    /// <summary>The HMAC's key and message arguments were swapped.</summary>
    public const string KeyAndMessageSwapped = "key-and-message-swapped";

    /// <summary>HMAC-SHA1, HMAC-SHA384, HMAC-SHA512, HMAC-MD5, or a plain hash of the message, instead of HMAC-SHA256.</summary>
    public const string WrongAlgorithm = "wrong-algorithm";

    /// <summary>Whitespace was trimmed or added: trimmed fields, a trailing newline, a token read from a file with its newline.</summary>
    public const string Whitespace = "whitespace";

    /// <summary>The email was lower- or upper-cased on one side only.</summary>
    public const string EmailCase = "email-case";

    /// <summary>The name or email was HTML-escaped (or unescaped) on one side only.</summary>
    public const string HtmlEscaped = "html-escaped";

    /// <summary>The message was encoded as Latin-1, Windows-1252, UTF-16, or UTF-8 twice, instead of UTF-8.</summary>
    public const string WrongTextEncoding = "wrong-text-encoding";

    /// <summary>The name or email was signed in another Unicode normalization form (NFC versus NFD).</summary>
    public const string UnicodeNormalization = "unicode-normalization";

    /// <summary>The fields were joined with a separator (<c>|</c>, <c>:</c>, <c>,</c>, space, newline).</summary>
    public const string Separator = "separator";

    /// <summary>
    /// The order in which the search tries causes, simplest first. Earlier causes win over later ones when both
    /// reproduce the signature: <c>uppercase-hex</c>, <c>base64-digest</c>, <c>timestamp-milliseconds</c>,
    /// <c>timestamp-skew</c>, <c>whitespace</c>, <c>email-case</c>, <c>field-order</c>,
    /// <c>token-missing-from-message</c>, <c>separator</c>, <c>html-escaped</c>, <c>unicode-normalization</c>,
    /// <c>wrong-text-encoding</c>, <c>key-and-message-swapped</c>, <c>wrong-algorithm</c>.
    /// </summary>
    public static IReadOnlyList<string> SimplicityOrder => Simplicity;

    private static readonly string[] Simplicity =
    [
        UppercaseHex, Base64Digest, TimestampMilliseconds, TimestampSkew, Whitespace, EmailCase, FieldOrder,
        TokenMissingFromMessage, Separator, HtmlEscaped, UnicodeNormalization, WrongTextEncoding,
        KeyAndMessageSwapped, WrongAlgorithm,
    ];

    /// <summary>
    /// The order causes are written in a combined cause: the order a backend makes them in (timestamp, fields,
    /// message assembly, text encoding, algorithm, digest encoding), so <c>timestamp-milliseconds+uppercase-hex</c>.
    /// </summary>
    public static IReadOnlyList<string> PipelineOrder => Pipeline;

    private static readonly string[] Pipeline =
    [
        TimestampMilliseconds, TimestampSkew, Whitespace, EmailCase, HtmlEscaped, UnicodeNormalization, FieldOrder,
        TokenMissingFromMessage, Separator, WrongTextEncoding, KeyAndMessageSwapped, WrongAlgorithm, UppercaseHex,
        Base64Digest,
    ];

    /// <summary>Joins causes with <c>+</c> in <see cref="PipelineOrder"/>, without repeats.</summary>
    /// <param name="causes">Cause names from this class.</param>
    /// <returns>For example <c>timestamp-milliseconds+uppercase-hex</c>; <c>no-match</c> when there are none.</returns>
    public static string Join(IEnumerable<string> causes)
    {
        ArgumentNullException.ThrowIfNull(causes);
        var ordered = causes.Distinct(StringComparer.Ordinal)
            .OrderBy(cause => PipelineRank(cause))
            .ToList();
        return ordered.Count == 0 ? NoMatch : string.Join('+', ordered);
    }

    internal static int PipelineRank(string cause)
    {
        var rank = Array.IndexOf(Pipeline, cause);
        return rank < 0 ? int.MaxValue : rank;
    }
}
