namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>The correct computation as one line of PHP and of Node, with what to change for each cause.</summary>
internal static class FixAdvice
{
    private const string PhpLine = "$signature = hash_hmac('sha256', $name . $email . $token . $timestamp, $token);";
    private const string NodeLine = "const signature = crypto.createHmac('sha256', token).update(name + email + token + timestamp, 'utf8').digest('hex');";

    private static readonly Dictionary<string, (string Php, string Node)> Advice = new(StringComparer.Ordinal)
    {
        [DiagnosisCause.Valid] = ("correct as it is", "correct as it is"),
        [DiagnosisCause.NoMatch] = ("compute exactly this, with $timestamp = time()", "compute exactly this, with timestamp = Math.floor(Date.now() / 1000)"),
        [DiagnosisCause.TimestampMilliseconds] = ("$timestamp = time(); seconds, signed and sent alike (not microtime(true) * 1000)", "timestamp = Math.floor(Date.now() / 1000); seconds, signed and sent alike"),
        [DiagnosisCause.TimestampSkew] = ("read the clock once: sign and send the same $timestamp", "read the clock once: sign and send the same timestamp"),
        [DiagnosisCause.UppercaseHex] = ("send the lowercase hex hash_hmac returns (no strtoupper)", "send digest('hex') as it is (no toUpperCase())"),
        [DiagnosisCause.Base64Digest] = ("hex, not base64: no base64_encode, no raw-output true", "digest('hex'), not digest('base64')"),
        [DiagnosisCause.FieldOrder] = ("exactly name, email, token, timestamp, in that order", "exactly name, email, token, timestamp, in that order"),
        [DiagnosisCause.TokenMissingFromMessage] = ("the token is the key and also part of the message", "the token is the key and also part of the message"),
        [DiagnosisCause.KeyAndMessageSwapped] = ("hash_hmac(algo, message, key): the token is the last argument", "createHmac takes the token; the message goes to update()"),
        [DiagnosisCause.WrongAlgorithm] = ("HMAC with 'sha256', keyed with the token", "createHmac('sha256', token), not sha1/sha512/md5/createHash"),
        [DiagnosisCause.Whitespace] = ("sign the exact strings you send; trim() the token read from a file, not the user's fields on one side only", "sign the exact strings you send; .trim() the token read from a file, not the user's fields on one side only"),
        [DiagnosisCause.EmailCase] = ("sign the email exactly as sent (no strtolower on one side only)", "sign the email exactly as sent (no toLowerCase() on one side only)"),
        [DiagnosisCause.HtmlEscaped] = ("sign the raw values; escape only when writing them into the page", "sign the raw values; escape only when writing them into the page"),
        [DiagnosisCause.WrongTextEncoding] = ("sign the UTF-8 string as it is (no utf8_decode / iconv / utf8_encode)", "update(message, 'utf8'), not 'latin1', 'binary' or 'utf16le'"),
        [DiagnosisCause.UnicodeNormalization] = ("sign the name exactly as sent to identify (normalize both or neither, e.g. NFC)", "sign the name exactly as sent to identify (same .normalize() on both sides)"),
        [DiagnosisCause.Separator] = ("concatenate with nothing between the fields (no implode('|', ...))", "concatenate with nothing between the fields (no join('|'))"),
    };

    public static string Php(IReadOnlyList<string> causes) => $"{PhpLine} // {Join(causes, php: true)}";

    public static string Node(IReadOnlyList<string> causes) => $"{NodeLine} // {Join(causes, php: false)}";

    private static string Join(IReadOnlyList<string> causes, bool php) =>
        string.Join("; ", causes.Select(cause => php ? Advice[cause].Php : Advice[cause].Node));
}
