using System.Text;

namespace Kayako.Harness.Signing;

/// <summary>
/// One field a JSON signature format carries. Its <see cref="Kind"/> decides the one rule it is read by in
/// <see cref="SignatureJsonReader"/>; the four signature-input fields are shared by every format.
/// </summary>
/// <param name="Name">The JSON property name.</param>
/// <param name="Kind">What the value must be.</param>
/// <param name="Hint">What belongs there, for the "is missing" message: <c>the name passed to identify as a JSON string</c>.</param>
/// <param name="Optional">
/// May be left out. For the token, <see langword="null"/> then counts as left out too (a report whose token the
/// reporter cannot share).
/// </param>
internal sealed record SignatureJsonField(string Name, SignatureJsonFieldKind Kind, string Hint, bool Optional = false)
{
    public static readonly SignatureJsonField UserName = new("name", SignatureJsonFieldKind.Text, "the name passed to identify as a JSON string (\"\" when empty)");

    public static readonly SignatureJsonField Email = new("email", SignatureJsonFieldKind.Text, "the email passed to identify as a JSON string (\"\" when empty)");

    public static readonly SignatureJsonField Token = new("token", SignatureJsonFieldKind.Token, "the messenger token as a JSON string");

    public static readonly SignatureJsonField Timestamp = new("timestamp", SignatureJsonFieldKind.Timestamp, "the Unix seconds passed to identify as a JSON integer, e.g. \"timestamp\": 1700000000");

    public static readonly SignatureJsonField Signature = new("signature", SignatureJsonFieldKind.Text, "the signature passed to identify as a JSON string");

    /// <summary>The name as UTF-8, to compare property names without decoding them.</summary>
    public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(Name);
}

/// <summary>What a <see cref="SignatureJsonField"/> holds.</summary>
internal enum SignatureJsonFieldKind
{
    /// <summary>A JSON string, kept exactly as JavaScript reads it (escaped unpaired surrogates too).</summary>
    Text,

    /// <summary>The messenger token: a JSON string that is not empty.</summary>
    Token,

    /// <summary>Unix seconds: a JSON integer that fits in 64 bits; never a string, a fraction or an exponent.</summary>
    Timestamp,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Flag,
}
