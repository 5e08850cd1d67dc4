using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kayako.Harness.Signing;

/// <summary>
/// Computes and verifies the Kayako Messenger identity signature:
/// <c>hex(HMAC-SHA256(key: token, message: name + email + token + timestamp))</c>, exactly as Kayako's
/// PHP (<c>hash_hmac</c>) and Node (<c>crypto.createHmac</c>) examples compute it.
/// </summary>
/// <remarks>
/// <para>
/// The message and key are UTF-8 bytes of the strings as given: nothing is trimmed, case-folded or
/// Unicode-normalized, so <c>"é"</c> precomposed (U+00E9) and decomposed (U+0065 U+0301) sign differently,
/// as they do in PHP and Node. The timestamp is formatted as an invariant decimal integer (<c>-1</c>,
/// <c>0</c>, <c>1700000000</c>), the way PHP's string concatenation and JavaScript's template literals
/// format an integer.
/// </para>
/// <para>
/// Unpaired UTF-16 surrogates (a lone <c>\uD800</c>, say) have no UTF-8 form. They are encoded as
/// U+FFFD (<c>EF BF BD</c>), which is what Node's <c>Buffer.from(string, 'utf8')</c> does, so a page or a
/// Node backend holding such a string gets the same signature from us. PHP strings are bytes and cannot
/// hold an unpaired surrogate at all (its <c>json_decode</c> rejects one), so there is no PHP value to
/// agree with.
/// </para>
/// </remarks>
public static class MessengerSignature
{
    /// <summary>
    /// The length of a signature: 64 lowercase hexadecimal digits (32 bytes of HMAC-SHA256). <see cref="SignatureForm"/>
    /// tells whether a signature has that form, and if not, what it is instead.
    /// </summary>
    public const int Length = 64;

    /// <summary>
    /// Computes the signature a site's backend sends to <c>kayako.identify(name, email, signature, timestamp)</c>.
    /// </summary>
    /// <param name="name">The user's name exactly as passed to <c>identify</c>. May be empty.</param>
    /// <param name="email">The user's email exactly as passed to <c>identify</c>. May be empty.</param>
    /// <param name="token">The messenger's identity-verification token (the secret). Must not be empty.</param>
    /// <param name="timestamp">The Unix time in seconds that is also passed to <c>identify</c>.</param>
    /// <returns>64 lowercase hexadecimal digits.</returns>
    /// <exception cref="ArgumentNullException">A string argument is <see langword="null"/>.</exception>
    /// <exception cref="EmptyTokenException">The token is empty, which means it was never configured.</exception>
    public static string Compute(string name, string email, string token, long timestamp)
    {
        var mac = ComputeMac(name, email, token, timestamp);
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// Checks a signature in constant time (for a signature of the right length), the way Kayako's server
    /// accepts or rejects it: only the exact lowercase hex digest is valid.
    /// </summary>
    /// <param name="name">The name passed to <c>identify</c>.</param>
    /// <param name="email">The email passed to <c>identify</c>.</param>
    /// <param name="token">The messenger's token. Must not be empty.</param>
    /// <param name="timestamp">The timestamp passed to <c>identify</c>, in Unix seconds.</param>
    /// <param name="signature">The signature passed to <c>identify</c>.</param>
    /// <returns><see langword="true"/> when the signature is exactly the expected lowercase hex digest.</returns>
    /// <exception cref="ArgumentNullException">A string argument is <see langword="null"/>.</exception>
    /// <exception cref="EmptyTokenException">The token is empty.</exception>
    public static bool Verify(string name, string email, string token, long timestamp, string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var expected = Encoding.ASCII.GetBytes(Compute(name, email, token, timestamp));
        var actual = Encoding.UTF8.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>The timestamp as it appears in the signed message: an invariant decimal integer.</summary>
    /// <param name="timestamp">Unix seconds.</param>
    /// <returns>For example <c>"1700000000"</c> or <c>"-1"</c>.</returns>
    public static string FormatTimestamp(long timestamp) => timestamp.ToString(CultureInfo.InvariantCulture);

    /// <summary>The exact message that is signed: <c>name + email + token + timestamp</c>.</summary>
    internal static string Message(string name, string email, string token, long timestamp) =>
        string.Concat(name, email, token, FormatTimestamp(timestamp));

    internal static byte[] ComputeMac(string name, string email, string token, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length == 0)
        {
            throw new EmptyTokenException();
        }

        var key = Encoding.UTF8.GetBytes(token);
        var message = Encoding.UTF8.GetBytes(Message(name, email, token, timestamp));
        return HMACSHA256.HashData(key, message);
    }
}
