using System.Globalization;
using System.Text.Json;
using Kayako.Harness.Signing.Diagnosis;

namespace Kayako.Harness.Signing;

/// <summary>
/// What a signature's form alone shows, judged one way for every part of the harness that looks at one
/// (<c>verify</c>, the check's <c>identify-signature-malformed</c> rule, <c>diagnose</c>, the vector files).
/// Kayako accepts exactly <see cref="MessengerSignature.Length"/> lowercase hex digits with nothing around them;
/// any other form gets one <see cref="Description"/>, one <see cref="Problem"/> sentence and the
/// <see cref="DiagnosisCause"/> names it points to (<see cref="Causes"/>), whatever the signature's value.
/// </summary>
/// <remarks>
/// The form is read once into every byte form the signature could be (hex in any case, base64, base64url, base64 of
/// the hex text), so the diagnosis compares each candidate digest as raw bytes without formatting it.
/// </remarks>
public sealed class SignatureForm
{
    private const int HmacSha256Bytes = 32;
    private const string Requirement =
        "Kayako accepts only 64 lowercase hex digits, hex(HMAC-SHA256), with nothing around them";

    private static readonly int[] DigestLengths = [16, 20, 32, 48, 64];

    private SignatureForm(string raw)
    {
        Raw = raw;
        Trimmed = raw.Trim();
        HasSurroundingWhitespace = Trimmed.Length != raw.Length;
        if (Trimmed.Length % 2 == 0 && Trimmed.Length > 0 && Trimmed.All(char.IsAsciiHexDigit))
        {
            Hex = Convert.FromHexString(Trimmed);
        }

        Base64 = DecodeBase64(Trimmed);
        if (Base64 is { Length: > 0 } decoded && decoded.Length % 2 == 0 && decoded.All(b => char.IsAsciiHexDigit((char)b)))
        {
            Base64OfHex = Convert.FromHexString(System.Text.Encoding.ASCII.GetString(decoded));
        }

        // char.IsAsciiHexDigitUpper counts digits too; only the letters tell the case.
        var upper = Trimmed.Any(c => c is >= 'A' and <= 'F');
        var lower = Trimmed.Any(c => c is >= 'a' and <= 'f');
        (Encoding, DigestLength, IsBase64OfHex) = Classify();
        IsUpperCase = Encoding == SignatureEncoding.Hex && upper && !lower;
        IsMixedCase = Encoding == SignatureEncoding.Hex && upper && lower;
        Causes = FormCauses().ToList();
        Description = Describe();
    }

    private SignatureForm(JsonElement value)
    {
        Raw = Trimmed = "";
        Encoding = SignatureEncoding.NotAString;
        Causes = [];
        Description = "not a string but " + value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => Shorten(value.GetRawText()),
        };
    }

    /// <summary>Reads the form of a signature as it was sent.</summary>
    /// <param name="signature">The signature exactly as passed to <c>identify</c>, whitespace included.</param>
    /// <returns>Its form.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="signature"/> is <see langword="null"/>.</exception>
    public static SignatureForm Of(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return new SignatureForm(signature);
    }

    /// <summary>Reads the form of <c>identify</c>'s signature argument as the page passed it, which may not be a string.</summary>
    /// <param name="signature">The argument as JSON.</param>
    /// <returns>Its form; <see cref="SignatureEncoding.NotAString"/> for any other JSON value.</returns>
    public static SignatureForm Of(JsonElement signature) =>
        signature.ValueKind == JsonValueKind.String ? new SignatureForm(signature.GetString()!) : new SignatureForm(signature);

    /// <summary>How the signature is written, surrounding whitespace aside.</summary>
    public SignatureEncoding Encoding { get; }

    /// <summary>Whitespace (a newline, say) before or after the signature.</summary>
    public bool HasSurroundingWhitespace { get; }

    /// <summary>A hex signature whose letters are all upper case (<c>strtoupper</c>, <c>.toUpperCase()</c>).</summary>
    public bool IsUpperCase { get; }

    /// <summary>A hex signature with upper- and lower-case letters.</summary>
    public bool IsMixedCase { get; }

    /// <summary>
    /// The length in bytes of the digest the signature carries, when it is one a known algorithm gives (16, 20, 32, 48 or
    /// 64 bytes: MD5, SHA-1, SHA-256, SHA-384, SHA-512); <see langword="null"/> otherwise.
    /// </summary>
    public int? DigestLength { get; }

    /// <summary>The one form Kayako accepts: exactly 64 lowercase hex digits, nothing around them.</summary>
    public bool IsWellFormed =>
        Encoding == SignatureEncoding.Hex && !IsUpperCase && !IsMixedCase && !HasSurroundingWhitespace && Trimmed.Length == MessengerSignature.Length;

    /// <summary>The empty string exactly, which <c>identify</c> takes as "no identity verification".</summary>
    public bool IsEmpty => Encoding == SignatureEncoding.Empty && Raw.Length == 0;

    /// <summary>
    /// The causes the form alone shows, in <see cref="DiagnosisCause.PipelineOrder"/>: <c>whitespace</c>,
    /// <c>wrong-algorithm</c> (a digest of another length), <c>uppercase-hex</c>, <c>base64-digest</c>. Empty for a
    /// well-formed signature and for one that is no digest at all.
    /// </summary>
    public IReadOnlyList<string> Causes { get; }

    /// <summary>One line per cause in <see cref="Causes"/>, saying what the sender did: <c>sent the hex digest upper-cased</c>.</summary>
    public IReadOnlyList<string> Details => Causes.Select(Detail).ToList();

    /// <summary>
    /// The form in words, the one wording every command and rule uses: <c>64 hex digits in upper case</c>,
    /// <c>40 hex digits, not 64 (a 20-byte digest, as SHA-1 and HMAC-SHA1 give)</c>, <c>empty</c>,
    /// <c>not a string but 12345</c>.
    /// </summary>
    public string Description { get; }

    /// <summary>
    /// What is wrong with the form and what Kayako accepts, as one clause
    /// (<c>the signature is malformed: 64 hex digits in upper case; Kayako accepts only …</c>), or
    /// <see langword="null"/> when the signature is well-formed.
    /// </summary>
    public string? Problem => IsWellFormed ? null
        : Encoding == SignatureEncoding.Empty && !HasSurroundingWhitespace
            ? $"the signature is empty: the backend sent nothing (or the page never received it); {Requirement}"
            : $"the signature is malformed: {Description}; {Requirement}";

    /// <inheritdoc />
    public override string ToString() => IsWellFormed ? "64 lowercase hex digits" : Description;

    internal string Raw { get; }

    internal string Trimmed { get; }

    internal byte[]? Hex { get; }

    internal byte[]? Base64 { get; }

    internal byte[]? Base64OfHex { get; }

    /// <summary>Base64 of the hex digest's text rather than of the raw digest.</summary>
    internal bool IsBase64OfHex { get; }

    /// <summary>The lowercase hex digits, when the signature is hex and not all upper case.</summary>
    internal bool IsLowercaseHex => Hex is not null && !IsUpperCase && !IsMixedCase;

    /// <summary>URL-safe base64 (<c>-</c>, <c>_</c>, no padding), as Node's <c>digest('base64url')</c> writes it.</summary>
    internal bool IsBase64Url => Trimmed.Contains('-', StringComparison.Ordinal) || Trimmed.Contains('_', StringComparison.Ordinal) || (Trimmed.Length % 4 != 0 && !Trimmed.Contains('=', StringComparison.Ordinal));

    /// <summary>The detail line for one form cause, in the words <see cref="Details"/> uses.</summary>
    internal string Detail(string cause) => cause switch
    {
        DiagnosisCause.Whitespace => "sent the signature with surrounding whitespace",
        DiagnosisCause.WrongAlgorithm => $"sent a {DigestLength}-byte digest; HMAC-SHA256 gives 32 ({Algorithms(DigestLength ?? 0)} give {DigestLength})",
        DiagnosisCause.UppercaseHex => IsMixedCase ? "sent the hex digest in mixed case" : "sent the hex digest upper-cased",
        DiagnosisCause.Base64Digest => IsBase64OfHex ? "sent the hex digest's text base64-encoded" : "sent the raw digest base64-encoded instead of hex",
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, "not a cause the form shows"),
    };

    /// <summary>Whether a digest of this many bytes could be what was sent, in any form.</summary>
    internal bool CouldBe(int digestLength) =>
        Hex?.Length == digestLength || Base64?.Length == digestLength || Base64OfHex?.Length == digestLength;

    /// <summary>Matches a digest against every form; returns the causes the form adds, or null when it does not match.</summary>
    internal IReadOnlyList<string>? Match(ReadOnlySpan<byte> digest)
    {
        string? form = null;
        if (Hex is not null && digest.SequenceEqual(Hex))
        {
            form = IsLowercaseHex ? "" : DiagnosisCause.UppercaseHex;
        }
        else if ((Base64 is not null && digest.SequenceEqual(Base64)) || (Base64OfHex is not null && digest.SequenceEqual(Base64OfHex)))
        {
            form = DiagnosisCause.Base64Digest;
        }

        if (form is null)
        {
            return null;
        }

        var causes = new List<string>(2);
        if (HasSurroundingWhitespace)
        {
            causes.Add(DiagnosisCause.Whitespace);
        }

        if (form.Length > 0)
        {
            causes.Add(form);
        }

        return causes;
    }

    private (SignatureEncoding Encoding, int? DigestLength, bool OfHex) Classify()
    {
        if (Trimmed.Length == 0)
        {
            return (SignatureEncoding.Empty, null, false);
        }

        if (Trimmed.All(char.IsAsciiHexDigit))
        {
            return (SignatureEncoding.Hex, Hex is not null && DigestLengths.Contains(Hex.Length) ? Hex.Length : null, false);
        }

        var encoding = IsBase64Url ? SignatureEncoding.Base64Url : SignatureEncoding.Base64;
        if (Base64OfHex is not null && DigestLengths.Contains(Base64OfHex.Length))
        {
            return (encoding, Base64OfHex.Length, true);
        }

        return Base64 is not null && DigestLengths.Contains(Base64.Length)
            ? (encoding, Base64.Length, false)
            : (SignatureEncoding.Unrecognized, null, false);
    }

    private IEnumerable<string> FormCauses()
    {
        if (HasSurroundingWhitespace)
        {
            yield return DiagnosisCause.Whitespace;
        }

        if (DigestLength is null)
        {
            yield break; // no digest: nothing says how it was made
        }

        if (DigestLength != HmacSha256Bytes)
        {
            yield return DiagnosisCause.WrongAlgorithm;
        }

        if (IsUpperCase || IsMixedCase)
        {
            yield return DiagnosisCause.UppercaseHex;
        }

        if (Encoding is SignatureEncoding.Base64 or SignatureEncoding.Base64Url)
        {
            yield return DiagnosisCause.Base64Digest;
        }
    }

    private string Describe()
    {
        var length = Trimmed.Length.ToString(CultureInfo.InvariantCulture);
        var letters = IsUpperCase ? " in upper case" : IsMixedCase ? " in mixed case" : "";
        var digest = DigestLength is { } bytes && bytes != HmacSha256Bytes ? $"a {bytes}-byte digest, as {Algorithms(bytes)} give," : "a digest";
        var form = Encoding switch
        {
            SignatureEncoding.Empty => HasSurroundingWhitespace ? "only whitespace" : "empty",
            SignatureEncoding.Hex when Trimmed.Length == MessengerSignature.Length => letters.Length == 0 ? "64 lowercase hex digits" : $"64 hex digits{letters}",
            SignatureEncoding.Hex => $"{length} hex digits{letters}, not 64" +
                                     (DigestLength is null ? "" : $" (a {DigestLength}-byte digest, as {Algorithms(DigestLength.Value)} give)"),
            SignatureEncoding.Base64 or SignatureEncoding.Base64Url =>
                $"{length} characters of {(Encoding == SignatureEncoding.Base64Url ? "base64url" : "base64")} " +
                (IsBase64OfHex ? "(the hex digest's text base64-encoded)" : $"({digest} base64-encoded instead of hex)"),
            _ => OddCharacter() is { } odd
                ? $"{length} characters, neither hex nor base64: it contains '{VisibleText.Show(odd.ToString())}'"
                : $"{length} characters, neither hex digits nor base64 of a digest",
        };
        return HasSurroundingWhitespace && Encoding != SignatureEncoding.Empty ? form + ", with whitespace around it" : form;
    }

    private char? OddCharacter()
    {
        foreach (var c in Trimmed)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '/' or '=' or '-' or '_'))
            {
                return c;
            }
        }

        return null;
    }

    private static string Algorithms(int length) => length switch
    {
        16 => "MD5 and HMAC-MD5",
        20 => "SHA-1 and HMAC-SHA1",
        32 => "SHA-256 and HMAC-SHA256",
        48 => "SHA-384 and HMAC-SHA384",
        _ => "SHA-512 and HMAC-SHA512",
    };

    private static string Shorten(string text) => text.Length > 40 ? string.Concat(text.AsSpan(0, 40), "…") : text;

    private static byte[]? DecodeBase64(string text)
    {
        if (text.Length < 4 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '-' or '_' or '=')))
        {
            return null;
        }

        var standard = text.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        standard = standard.PadRight(standard.Length + ((4 - standard.Length % 4) % 4), '=');
        var buffer = new byte[standard.Length];
        return Convert.TryFromBase64String(standard, buffer, out var written) ? buffer[..written] : null;
    }
}
