namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// The signature as sent, decoded once into every byte form it could be (hex in any case, base64, base64 of the
/// hex text), so each candidate digest is compared as raw bytes without formatting it.
/// </summary>
internal sealed class ObservedSignature
{
    private static readonly int[] DigestLengths = [16, 20, 32, 48, 64];

    public ObservedSignature(string raw)
    {
        Raw = raw;
        Trimmed = raw.Trim();
        HasSurroundingWhitespace = Trimmed.Length != raw.Length;
        if (Trimmed.Length % 2 == 0 && Trimmed.Length > 0 && Trimmed.All(char.IsAsciiHexDigit))
        {
            Hex = Convert.FromHexString(Trimmed);
            // char.IsAsciiHexDigitUpper counts digits too; only the letters tell the case.
            var upper = Trimmed.Any(c => c is >= 'A' and <= 'F');
            var lower = Trimmed.Any(c => c is >= 'a' and <= 'f');
            HexHasUppercase = upper && !lower;
            HexHasMixedCase = upper && lower;
        }

        Base64 = DecodeBase64(Trimmed);
        if (Base64 is { Length: > 0 } decoded && decoded.Length % 2 == 0 && decoded.All(b => char.IsAsciiHexDigit((char)b)))
        {
            Base64OfHex = Convert.FromHexString(System.Text.Encoding.ASCII.GetString(decoded));
        }
    }

    public string Raw { get; }

    public string Trimmed { get; }

    public bool HasSurroundingWhitespace { get; }

    public byte[]? Hex { get; }

    /// <summary>All hex letters upper case (<c>strtoupper</c>).</summary>
    public bool HexHasUppercase { get; }

    public bool HexHasMixedCase { get; }

    public byte[]? Base64 { get; }

    public byte[]? Base64OfHex { get; }

    /// <summary>The lowercase hex digits, when the signature is hex and not all upper case.</summary>
    public bool IsLowercaseHex => Hex is not null && !HexHasUppercase && !HexHasMixedCase;

    /// <summary>Whether a digest of this many bytes could be what was sent, in any form.</summary>
    public bool CouldBe(int digestLength) =>
        Hex?.Length == digestLength || Base64?.Length == digestLength || Base64OfHex?.Length == digestLength;

    /// <summary>Matches a digest against every form; returns the causes the form adds, or null when it does not match.</summary>
    public IReadOnlyList<string>? Match(ReadOnlySpan<byte> digest)
    {
        string? form = null;
        if (Hex is not null && digest.SequenceEqual(Hex))
        {
            form = HexHasUppercase || HexHasMixedCase ? DiagnosisCause.UppercaseHex : "";
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

    /// <summary>The digest's likely algorithm from its length alone, for reports without a token.</summary>
    public int? LikelyDigestLength =>
        Hex is not null && DigestLengths.Contains(Hex.Length) ? Hex.Length
        : Base64 is not null && DigestLengths.Contains(Base64.Length) ? Base64.Length
        : null;

    public bool LooksBase64 => Hex is null && Base64 is not null;

    /// <summary>URL-safe base64 (<c>-</c>, <c>_</c>, no padding), as Node's <c>digest('base64url')</c> writes it.</summary>
    public bool IsBase64Url => Trimmed.Contains('-', StringComparison.Ordinal) || Trimmed.Contains('_', StringComparison.Ordinal) || (Trimmed.Length % 4 != 0 && !Trimmed.Contains('=', StringComparison.Ordinal));

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
