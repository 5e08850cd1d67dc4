using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kayako.Harness.Signing;

/// <summary>
/// Knows the forms the messenger token takes in the places a browser sees (as is, JSON-escaped the way
/// JavaScript and PHP print it, URL-encoded, HTML-escaped, base64, hex), finds it and blanks it out. Every string that
/// reaches a report passes through <see cref="Redact"/>, so even a page that echoes the token cannot put it
/// into a report. It is the one redactor: the check, its reports and <c>diagnose</c> all mask with <see cref="Mask"/>.
/// A check that signs in also hands it the other secrets of the run (passwords, header values, session cookies):
/// they are found and masked in the same forms, as <see cref="SecretMask"/>.
/// </summary>
/// <remarks>
/// A run shorter than <see cref="ChanceLength"/> characters turns up by chance: the hex <c>6b</c> of the
/// one-character token <c>k</c> is in most hex digests, and <c>k</c> itself in <c>token</c>. Masking every such
/// run would garble the text around it and protect nothing (so short a token is no secret anyway), so encodings of
/// the token shorter than that are not looked for, and a token shorter than that is masked only where it stands alone,
/// with no letter or digit right before or after it (<c>k=[token]</c>, not <c>to[token]en</c>).
/// </remarks>
public sealed class TokenRedactor
{
    /// <summary>What replaces the token in text.</summary>
    public const string Mask = "[token]";

    /// <summary>What replaces any other secret of the run (a password, a header value, a session cookie) in text.</summary>
    public const string SecretMask = "[secret]";

    /// <summary>
    /// The length below which a run of characters is taken for chance: a shorter encoding of the token is not looked
    /// for, and a shorter token is masked only where it stands alone.
    /// </summary>
    public const int ChanceLength = 8;

    private readonly (string Form, string Mask)[] forms;
    private readonly System.Buffers.SearchValues<string> search;
    private readonly (string Value, string Mask)[] shortValues;

    /// <summary>A redactor for <paramref name="token"/>; with no token (null or empty) it finds nothing and changes nothing.</summary>
    /// <param name="token">The messenger token.</param>
    public TokenRedactor(string? token)
        : this(token, [])
    {
    }

    /// <summary>
    /// A redactor for <paramref name="token"/> and the run's other <paramref name="secrets"/>, each found in the same
    /// forms as the token; the token is masked as <see cref="Mask"/>, the others as <see cref="SecretMask"/>.
    /// Null and empty values are left out.
    /// </summary>
    /// <param name="token">The messenger token, or <see langword="null"/>.</param>
    /// <param name="secrets">The other secrets: passwords, header values, session cookies.</param>
    public TokenRedactor(string? token, IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var values = new List<(string Value, string Mask)>();
        if (token is { Length: > 0 })
        {
            values.Add((token, Mask));
        }

        values.AddRange(secrets.OfType<string>().Where(secret => secret.Length > 0 && secret != token).Distinct(StringComparer.Ordinal).Select(secret => (secret, SecretMask)));
        forms = [.. values
            .SelectMany(value => Forms(value.Value).Select(form => (Form: form, value.Mask)))
            .DistinctBy(form => form.Form, StringComparer.Ordinal)
            .OrderByDescending(form => form.Form.Length)]; // the longest first, so no form is left half-replaced
        search = System.Buffers.SearchValues.Create([.. forms.Select(form => form.Form)], StringComparison.Ordinal);
        shortValues = [.. values.Where(value => value.Value.Length < ChanceLength)];
    }

    /// <summary>Whether there is a token (or another secret) to look for.</summary>
    public bool Knows => forms.Length > 0 || shortValues.Length > 0;

    /// <summary>Whether <paramref name="text"/> holds the token (or another secret) in any of its forms.</summary>
    /// <param name="text">Any text.</param>
    /// <returns><see langword="true"/> when a form of the token occurs in it.</returns>
    public bool Finds(string? text) =>
        text is { Length: > 0 } && ((forms.Length > 0 && text.AsSpan().ContainsAny(search)) || shortValues.Any(value => StandingAlone(text, value.Value).Any()));

    /// <summary>Whether a file (a trace archive, say) holds the token in any of its forms, in any of its entries when it is a zip.</summary>
    /// <param name="path">The file.</param>
    /// <returns><see langword="true"/> when a form of the token occurs in it.</returns>
    public bool FindsInFile(string path)
    {
        if (!Knows)
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        try
        {
            using var archive = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read);
            return archive.Entries.Any(entry =>
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                return Finds(reader.ReadToEnd());
            });
        }
        catch (InvalidDataException)
        {
            stream.Position = 0;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return Finds(reader.ReadToEnd());
        }
    }

    /// <summary>The text with every form of the token replaced by <see cref="Mask"/>.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The text, safe to write.</returns>
    public string Redact(string text)
    {
        foreach (var (form, mask) in forms)
        {
            text = text.Replace(form, mask, StringComparison.Ordinal);
        }

        foreach (var (value, mask) in shortValues)
        {
            text = RedactStandingAlone(text, value, mask);
        }

        return text;
    }

    private static string RedactStandingAlone(string text, string shortToken, string mask)
    {
        if (!StandingAlone(text, shortToken).Any())
        {
            return text;
        }

        var redacted = new StringBuilder(text.Length + 16);
        var copied = 0;
        foreach (var start in StandingAlone(text, shortToken))
        {
            redacted.Append(text, copied, start - copied).Append(mask);
            copied = start + shortToken.Length;
        }

        return redacted.Append(text, copied, text.Length - copied).ToString();
    }

    // Where a value shorter than ChanceLength stands alone: no letter or digit right before or after it, and not
    // inside a mask already written (a token "token" would otherwise be masked again in "[token]").
    private static IEnumerable<int> StandingAlone(string text, string shortToken)
    {
        var from = 0;
        while (from < text.Length)
        {
            var at = text.IndexOf(shortToken, from, StringComparison.Ordinal);
            if (at < 0)
            {
                yield break;
            }

            // A mask that starts this late and not after the token holds it.
            if (MaskHolding(text, from, at) is { } maskEnd)
            {
                from = maskEnd;
                continue;
            }

            var end = at + shortToken.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                yield return at;
                from = end;
            }
            else
            {
                from = at + 1;
            }
        }
    }

    // The end of a mask ([token], [secret]) that holds the position at, or null.
    private static int? MaskHolding(string text, int from, int at)
    {
        foreach (var mask in new[] { Mask, SecretMask })
        {
            var start = text.IndexOf(mask, Math.Max(from, at - mask.Length + 1), StringComparison.Ordinal);
            if (start >= 0 && start <= at)
            {
                return start + mask.Length;
            }
        }

        return null;
    }

    // The token base64-encoded inside a longer value (btoa(JSON.stringify(config)), a data: URL) starts at any of
    // three offsets in a group of three bytes; for each, the characters that depend on the token's bytes alone.
    // base64url (JWTs) too.
    private static IEnumerable<string> Base64Forms(byte[] token)
    {
        for (var offset = 0; offset < 3; offset++)
        {
            var padded = new byte[offset + token.Length];
            token.CopyTo(padded, offset);
            var encoded = Convert.ToBase64String(padded);
            var skip = offset switch { 0 => 0, 1 => 2, _ => 3 };
            var whole = padded.Length / 3 * 4;
            if (whole - skip < ChanceLength)
            {
                continue; // too short a run to tell the token from chance
            }

            var core = encoded[skip..whole];
            yield return core;
            yield return core.Replace('+', '-').Replace('/', '_');
        }
    }

    private static string[] Forms(string token)
    {
        var textForms = TextForms(token);
        return textForms
            .Concat(textForms.Take(5).SelectMany(form => Base64Forms(Encoding.UTF8.GetBytes(form)))) // raw and JSON-escaped, base64-encoded
            .Where(form => form.Length >= ChanceLength) // a shorter token itself: StandingAlone
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    private static List<string> TextForms(string token)
    {
        var javaScript = JsonSerializer.Serialize(token, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })[1..^1];

        // A URL holding the encoded token, printed by System.Uri: its canonical (AbsoluteUri) and display (ToString) forms.
        var url = new Uri("http://h/?" + Uri.EscapeDataString(token));
        return new[]
            {
                token,
                javaScript, // JSON.stringify, and PHP's json_encode with JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
                javaScript.Replace("/", "\\/", StringComparison.Ordinal), // json_encode with JSON_UNESCAPED_UNICODE
                PhpJson(token), // json_encode's default
                JsonSerializer.Serialize(token)[1..^1], // .NET's default, which escapes HTML-sensitive characters
                Uri.EscapeDataString(token), // rawurlencode
                EncodeUriComponent(token),
                WebUtility.UrlEncode(token), // form encoding, urlencode
                HtmlSpecialChars(token), // htmlspecialchars, and most template engines
                Convert.ToHexStringLower(Encoding.UTF8.GetBytes(token)), // bin2hex, Buffer's 'hex'
                Convert.ToHexString(Encoding.UTF8.GetBytes(token)),
                url.AbsoluteUri[url.AbsoluteUri.IndexOf('?', StringComparison.Ordinal)..][1..],
                url.ToString()[url.ToString().IndexOf('?', StringComparison.Ordinal)..][1..],
            }
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    // PHP's json_encode by default escapes "/" and writes every non-ASCII UTF-16 unit as a lower-case \uXXXX.
    private static string PhpJson(string token)
    {
        var text = new StringBuilder(token.Length + 8);
        foreach (var c in token)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '/' => text.Append("\\/"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                < ' ' or > '~' => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }

    // JavaScript's encodeURIComponent leaves ! ' ( ) * as they are, where rawurlencode and
    // Uri.EscapeDataString escape them: a token holding one reads differently in a cookie or link a page built.
    private static string EncodeUriComponent(string token) => Uri.EscapeDataString(token)
        .Replace("%21", "!", StringComparison.Ordinal)
        .Replace("%27", "'", StringComparison.Ordinal)
        .Replace("%28", "(", StringComparison.Ordinal)
        .Replace("%29", ")", StringComparison.Ordinal)
        .Replace("%2A", "*", StringComparison.Ordinal);

    private static string HtmlSpecialChars(string token) => token
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#039;", StringComparison.Ordinal);
}
