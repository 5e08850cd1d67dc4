using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// One way of computing a signature: which strings were joined in which order, how the text became bytes, which
/// algorithm and key. <see cref="Canonical"/> is Kayako's; each mistake changes one property.
/// </summary>
internal sealed record SenderRecipe
{
    /// <summary>The four fields in Kayako's order: Name, Email, Token, timeStamp.</summary>
    public const string KayakoOrder = "NETS";

    public required string Name { get; init; }

    public required string Email { get; init; }

    /// <summary>Appended to the token wherever it is used, key included (a token file's trailing newline).</summary>
    public string TokenSuffix { get; init; } = "";

    /// <summary>The fields joined, as letters of <see cref="KayakoOrder"/>; a missing letter is a missing field.</summary>
    public string Order { get; init; } = KayakoOrder;

    public string Separator { get; init; } = "";

    /// <summary>Appended to the whole message (a trailing newline).</summary>
    public string Suffix { get; init; } = "";

    public required long Timestamp { get; init; }

    public MessageEncoding Encoding { get; init; } = MessageEncoding.Utf8;

    public SigningAlgorithm Algorithm { get; init; } = SigningAlgorithm.HmacSha256;

    public static SenderRecipe Canonical(SignatureReport report) =>
        new() { Name = report.Name, Email = report.Email, Timestamp = report.Timestamp };

    /// <summary>The signed text, with <paramref name="token"/> standing for the token (pass <see cref="TokenRedactor.Mask"/> to show it).</summary>
    public string MessageText(string token) => MessageText(token, Timestamp.ToString(CultureInfo.InvariantCulture));

    /// <summary>The signed text with <paramref name="timestampText"/> where the timestamp goes.</summary>
    public string MessageText(string token, string timestampText)
    {
        var builder = new StringBuilder(Name.Length + Email.Length + token.Length + 32);
        for (var i = 0; i < Order.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(Separator);
            }

            builder.Append(Order[i] switch
            {
                'N' => Name,
                'E' => Email,
                'T' => token + TokenSuffix,
                _ => timestampText,
            });
        }

        return builder.Append(Suffix).ToString();
    }

    /// <summary>The HMAC key: the token as UTF-8, with <see cref="TokenSuffix"/>.</summary>
    public byte[] KeyBytes(string token) => System.Text.Encoding.UTF8.GetBytes(token + TokenSuffix);

    /// <summary>Computes the digest of <paramref name="message"/> into <paramref name="destination"/> and returns its length.</summary>
    public static int ComputeDigest(SigningAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> destination) =>
        algorithm switch
        {
            SigningAlgorithm.HmacSha256 => HMACSHA256.HashData(key, message, destination),
            SigningAlgorithm.HmacSha256KeyAndMessageSwapped => HMACSHA256.HashData(message, key, destination),
            SigningAlgorithm.HmacSha1 => HMACSHA1.HashData(key, message, destination),
            SigningAlgorithm.HmacSha384 => HMACSHA384.HashData(key, message, destination),
            SigningAlgorithm.HmacSha512 => HMACSHA512.HashData(key, message, destination),
            SigningAlgorithm.HmacMd5 => HMACMD5.HashData(key, message, destination),
            SigningAlgorithm.Sha256 => SHA256.HashData(message, destination),
            SigningAlgorithm.Sha1 => SHA1.HashData(message, destination),
            SigningAlgorithm.Sha512 => SHA512.HashData(message, destination),
            _ => MD5.HashData(message, destination),
        };

    public static int DigestLength(SigningAlgorithm algorithm) => algorithm switch
    {
        SigningAlgorithm.HmacSha1 or SigningAlgorithm.Sha1 => 20,
        SigningAlgorithm.HmacSha384 => 48,
        SigningAlgorithm.HmacSha512 or SigningAlgorithm.Sha512 => 64,
        SigningAlgorithm.HmacMd5 or SigningAlgorithm.Md5 => 16,
        _ => 32,
    };

    public static byte[] Encode(string text, MessageEncoding encoding) => encoding switch
    {
        MessageEncoding.Utf8 => System.Text.Encoding.UTF8.GetBytes(text),
        MessageEncoding.Latin1 => System.Text.Encoding.Latin1.GetBytes(text),
        MessageEncoding.Latin1LowByte => text.Select(c => unchecked((byte)c)).ToArray(),
        MessageEncoding.Windows1252 => TextEncodings.Windows1252.GetBytes(text),
        MessageEncoding.Utf16LittleEndian => System.Text.Encoding.Unicode.GetBytes(text),
        MessageEncoding.Utf16BigEndian => System.Text.Encoding.BigEndianUnicode.GetBytes(text),
        _ => System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes(text))),
    };

    /// <summary>A key that is equal for two recipes exactly when they sign the same bytes with the same key.</summary>
    public string SignedBytesKey(string token) =>
        TokenSuffix + "\u0000" + Convert.ToBase64String(Encode(MessageText(token), Encoding));
}
