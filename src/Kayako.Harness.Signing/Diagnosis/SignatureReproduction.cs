using System.Globalization;
using System.Text;
namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// Shell one-liners (<c>php -r</c>, <c>node -e</c>) that recompute the expected and the observed signature. They
/// read the token from <c>KAYAKO_MESSENGER_TOKEN</c>; every other string is a base64 literal, so the one-liners are
/// safe inside single quotes whatever the name holds. A name or email that holds the token is written as its pieces
/// joined with the token variable, so the token is never printed, not even base64-encoded.
/// </summary>
public static class SignatureReproduction
{
    /// <summary>The environment variable the one-liners read the token from.</summary>
    public const string TokenVariable = "KAYAKO_MESSENGER_TOKEN";

    /// <summary>The same computation as a PHP and a Node one-liner.</summary>
    /// <param name="Php">A <c>php -r</c> command.</param>
    /// <param name="Node">A <c>node -e</c> command.</param>
    public sealed record OneLiners(string Php, string Node);

    /// <summary>One-liners that compute the signature Kayako expects for the report's name, email and timestamp.</summary>
    /// <param name="report">The reported identify call.</param>
    /// <returns>The PHP and Node commands.</returns>
    public static OneLiners Expected(SignatureReport report) =>
        For(new SenderRecipe { Name = report.Name, Email = report.Email, Timestamp = report.Timestamp }, DigestForm.Hex, report.Token);

    /// <summary>One-liners that reproduce the observed signature with the mistakes the verdict found.</summary>
    /// <param name="report">The reported identify call.</param>
    /// <param name="verdict">The diagnosis of <paramref name="report"/>.</param>
    /// <returns>The PHP and Node commands, or <see langword="null"/> when no recipe explains the signature.</returns>
    public static OneLiners? Observed(SignatureReport report, SignatureVerdict verdict)
    {
        if (verdict.Recipe is not { } recipe)
        {
            return null;
        }

        var observed = SignatureForm.Of(report.Signature);
        var length = SenderRecipe.DigestLength(recipe.Algorithm);
        var form = observed.Hex?.Length == length ? (observed.IsLowercaseHex ? DigestForm.Hex : DigestForm.UpperHex)
            : observed.Base64?.Length == length ? (observed.IsBase64Url ? DigestForm.Base64Url : DigestForm.Base64)
            : DigestForm.Base64OfHex;
        return For(recipe, form, report.Token);
    }

    private enum DigestForm
    {
        Hex,
        UpperHex,
        Base64,
        Base64Url,
        Base64OfHex,
    }

    private static OneLiners For(SenderRecipe recipe, DigestForm form, string? token)
    {
        var redactor = new TokenRedactor(token);
        var parts = recipe.Order.Select(letter => letter switch { 'N' => "n", 'E' => "e", 'T' => "k", _ => "ts" }).ToList();
        var php = new StringBuilder("php -r '")
            .Append(CultureInfo.InvariantCulture, $"$t=getenv(\"{TokenVariable}\"); $k={(recipe.TokenSuffix.Length == 0 ? "$t" : "$t." + PhpString(recipe.TokenSuffix))}; ")
            .Append(CultureInfo.InvariantCulture, $"$n={PhpText(recipe.Name, token, redactor)}; $e={PhpText(recipe.Email, token, redactor)}; $ts=\"{recipe.Timestamp.ToString(CultureInfo.InvariantCulture)}\"; ")
            .Append(CultureInfo.InvariantCulture, $"$m=implode({PhpString(recipe.Separator)}, [{string.Join(", ", parts.Select(p => "$" + p))}]){(recipe.Suffix.Length == 0 ? "" : "." + PhpString(recipe.Suffix))}; ")
            .Append(CultureInfo.InvariantCulture, $"$b={PhpBytes(recipe.Encoding)}; ")
            .Append(CultureInfo.InvariantCulture, $"$d={PhpDigest(recipe.Algorithm, raw: form is DigestForm.Base64 or DigestForm.Base64Url)}; ")
            .Append(CultureInfo.InvariantCulture, $"echo {PhpForm(form)}, PHP_EOL;'");
        var node = new StringBuilder("node -e '")
            .Append(CultureInfo.InvariantCulture, $"const c=require(\"crypto\"); const t=process.env.{TokenVariable}; const k={(recipe.TokenSuffix.Length == 0 ? "t" : "t+" + NodeString(recipe.TokenSuffix))}; ")
            .Append(CultureInfo.InvariantCulture, $"const n={NodeText(recipe.Name, token, redactor)}; const e={NodeText(recipe.Email, token, redactor)}; const ts=\"{recipe.Timestamp.ToString(CultureInfo.InvariantCulture)}\"; ")
            .Append(CultureInfo.InvariantCulture, $"const m=[{string.Join(", ", parts)}].join({NodeString(recipe.Separator)}){(recipe.Suffix.Length == 0 ? "" : "+" + NodeString(recipe.Suffix))}; ")
            .Append(CultureInfo.InvariantCulture, $"const b={NodeBytes(recipe.Encoding)}; ")
            .Append(CultureInfo.InvariantCulture, $"const h={NodeHash(recipe.Algorithm)}; ")
            .Append(CultureInfo.InvariantCulture, $"console.log({NodeForm(form)});'");
        return new OneLiners(php.ToString(), node.ToString());
    }

    // The report's own text: around the token, its pieces; a piece holding another form of the token (URL-encoded,
    // say) is redacted, which keeps the secret at the cost of reproducing that piece exactly.
    private static string PhpText(string text, string? token, TokenRedactor redactor) =>
        string.Join(" . $t . ", Pieces(text, token).Select(piece => PhpString(redactor.Redact(piece))));

    private static string NodeText(string text, string? token, TokenRedactor redactor) =>
        string.Join("+t+", Pieces(text, token).Select(piece => NodeString(redactor.Redact(piece))));

    private static string[] Pieces(string text, string? token) =>
        token is { Length: > 0 } ? text.Split(token) : [text];

    private static string PhpString(string text) =>
        text.Length == 0 ? "\"\"" : $"base64_decode(\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}\")";

    private static string NodeString(string text) =>
        text.Length == 0 ? "\"\"" : $"Buffer.from(\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}\",\"base64\").toString(\"utf8\")";

    private static string PhpBytes(MessageEncoding encoding) => encoding switch
    {
        MessageEncoding.Utf8 => "$m",
        MessageEncoding.Latin1 => "@utf8_decode($m)",
        MessageEncoding.Windows1252 => "iconv(\"UTF-8\", \"WINDOWS-1252//TRANSLIT\", $m)",
        MessageEncoding.Latin1LowByte => "implode(array_map(fn($p) => $p[0], str_split(iconv(\"UTF-8\", \"UTF-16LE\", $m), 2)))",
        MessageEncoding.Utf16LittleEndian => "iconv(\"UTF-8\", \"UTF-16LE\", $m)",
        MessageEncoding.Utf16BigEndian => "iconv(\"UTF-8\", \"UTF-16BE\", $m)",
        _ => "@utf8_encode($m)",
    };

    private static string NodeBytes(MessageEncoding encoding) => encoding switch
    {
        MessageEncoding.Utf8 => "Buffer.from(m,\"utf8\")",
        MessageEncoding.Latin1 => "Buffer.from([...m].map(ch => ch.codePointAt(0) > 255 ? \"?\" : ch).join(\"\"),\"latin1\")",
        MessageEncoding.Windows1252 => "(() => { const d=new TextDecoder(\"windows-1252\"); const map=new Map(); for (let i=255;i>=0;i--) map.set(d.decode(Uint8Array.of(i)), i); return Buffer.from([...m].map(ch => map.has(ch) ? map.get(ch) : 63)); })()",
        MessageEncoding.Latin1LowByte => "Buffer.from(m,\"latin1\")",
        MessageEncoding.Utf16LittleEndian => "Buffer.from(m,\"utf16le\")",
        MessageEncoding.Utf16BigEndian => "Buffer.from(m,\"utf16le\").swap16()",
        _ => "Buffer.from(Buffer.from(m,\"utf8\").toString(\"latin1\"),\"utf8\")",
    };

    private static string PhpDigest(SigningAlgorithm algorithm, bool raw)
    {
        var r = raw ? ", true" : "";
        return algorithm switch
        {
            SigningAlgorithm.HmacSha256 => $"hash_hmac(\"sha256\", $b, $k{r})",
            SigningAlgorithm.HmacSha256KeyAndMessageSwapped => $"hash_hmac(\"sha256\", $k, $b{r})",
            SigningAlgorithm.HmacSha1 => $"hash_hmac(\"sha1\", $b, $k{r})",
            SigningAlgorithm.HmacSha384 => $"hash_hmac(\"sha384\", $b, $k{r})",
            SigningAlgorithm.HmacSha512 => $"hash_hmac(\"sha512\", $b, $k{r})",
            SigningAlgorithm.HmacMd5 => $"hash_hmac(\"md5\", $b, $k{r})",
            SigningAlgorithm.Sha256 => $"hash(\"sha256\", $b{r})",
            SigningAlgorithm.Sha1 => $"hash(\"sha1\", $b{r})",
            SigningAlgorithm.Sha512 => $"hash(\"sha512\", $b{r})",
            _ => $"hash(\"md5\", $b{r})",
        };
    }

    private static string NodeHash(SigningAlgorithm algorithm) => algorithm switch
    {
        SigningAlgorithm.HmacSha256 => "c.createHmac(\"sha256\", k).update(b)",
        SigningAlgorithm.HmacSha256KeyAndMessageSwapped => "c.createHmac(\"sha256\", b).update(k)",
        SigningAlgorithm.HmacSha1 => "c.createHmac(\"sha1\", k).update(b)",
        SigningAlgorithm.HmacSha384 => "c.createHmac(\"sha384\", k).update(b)",
        SigningAlgorithm.HmacSha512 => "c.createHmac(\"sha512\", k).update(b)",
        SigningAlgorithm.HmacMd5 => "c.createHmac(\"md5\", k).update(b)",
        SigningAlgorithm.Sha256 => "c.createHash(\"sha256\").update(b)",
        SigningAlgorithm.Sha1 => "c.createHash(\"sha1\").update(b)",
        SigningAlgorithm.Sha512 => "c.createHash(\"sha512\").update(b)",
        _ => "c.createHash(\"md5\").update(b)",
    };

    private static string PhpForm(DigestForm form) => form switch
    {
        DigestForm.Hex => "$d",
        DigestForm.UpperHex => "strtoupper($d)",
        DigestForm.Base64 => "base64_encode($d)",
        DigestForm.Base64Url => "rtrim(strtr(base64_encode($d), \"+/\", \"-_\"), \"=\")",
        _ => "base64_encode($d)",
    };

    private static string NodeForm(DigestForm form) => form switch
    {
        DigestForm.Hex => "h.digest(\"hex\")",
        DigestForm.UpperHex => "h.digest(\"hex\").toUpperCase()",
        DigestForm.Base64 => "h.digest(\"base64\")",
        DigestForm.Base64Url => "h.digest(\"base64url\")",
        _ => "Buffer.from(h.digest(\"hex\")).toString(\"base64\")",
    };
}
