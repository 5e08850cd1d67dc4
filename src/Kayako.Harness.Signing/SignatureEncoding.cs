namespace Kayako.Harness.Signing;

/// <summary>How a signature is written, as <see cref="SignatureForm"/> reads it (surrounding whitespace aside).</summary>
public enum SignatureEncoding
{
    /// <summary>Nothing (or only whitespace): the backend sent no signature.</summary>
    Empty,

    /// <summary>Hexadecimal digits only, in any case and of any length; 64 lowercase ones is the one form Kayako accepts.</summary>
    Hex,

    /// <summary>Base64 of a digest (or of the hex digest's text), as <c>base64_encode</c> and <c>digest('base64')</c> write it.</summary>
    Base64,

    /// <summary>URL-safe base64 of a digest (<c>-</c>, <c>_</c>, no padding), as <c>digest('base64url')</c> writes it.</summary>
    Base64Url,

    /// <summary>Neither hex nor base64 of any digest: other characters, or a length no digest has.</summary>
    Unrecognized,

    /// <summary>Not a string at all (a number, <c>null</c>, an object) where <c>identify</c> takes a string.</summary>
    NotAString,
}
