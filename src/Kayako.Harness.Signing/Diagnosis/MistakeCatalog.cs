using System.Globalization;
using System.Text.RegularExpressions;

namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// Every mistake the diagnosis tries for one report, grouped by cause in <see cref="DiagnosisCause.SimplicityOrder"/>
/// and, within a cause, in the order a real backend is likely to make them. Mistakes that change nothing for this
/// report (trimming a name without spaces) are left out, so they never explain anything.
/// </summary>
internal static partial class MistakeCatalog
{
    /// <summary>How far the timestamp search goes on its own: ±15 minutes.</summary>
    public const int MaxSkewSeconds = 900;

    /// <summary>How far it goes when paired with another mistake (which multiplies the work).</summary>
    public const int MaxPairedSkewSeconds = 60;

    private const string PhpTrimCharacters = " \t\n\r\0\u000B";

    private static readonly (string Separator, string Shown)[] Separators =
        [("|", "'|'"), (":", "':'"), (",", "','"), (" ", "a space"), ("\n", "a newline"), (";", "';'"), ("\t", "a tab")];

    private static readonly (string Name, Func<string, string> Escape)[] HtmlEscapers =
    [
        ("htmlspecialchars() (ENT_QUOTES, PHP 8.1+)", text => EscapeHtml(text, "&#039;")),
        ("htmlspecialchars() (ENT_COMPAT, before PHP 8.1)", text => EscapeHtml(text, null)),
        ("an escaper writing ' as &#39; (escape-html, lodash)", text => EscapeHtml(text, "&#39;")),
        ("htmlspecialchars(..., ENT_QUOTES | ENT_HTML5)", text => EscapeHtml(text, "&apos;")),
        ("an escaper writing ' as &#x27;", text => EscapeHtml(text, "&#x27;")),
    ];

    /// <param name="report">The report.</param>
    /// <param name="token">The token.</param>
    /// <param name="wideTimestampSearch">Skew up to ±900 s and every millisecond remainder, or only ±60 s and whole seconds.</param>
    /// <param name="millisecondsOnly">Only the milliseconds mix-ups (for huge reports, where every candidate costs).</param>
    public static IReadOnlyList<(string Cause, IReadOnlyList<Mistake> Mistakes)> For(SignatureReport report, string token, bool wideTimestampSearch, bool millisecondsOnly)
    {
        var canonical = SenderRecipe.Canonical(report);
        var seen = new HashSet<string>(StringComparer.Ordinal) { canonical.SignedBytesKey(token) };
        var groups = new List<(string, IReadOnlyList<Mistake>)>();
        foreach (var cause in DiagnosisCause.SimplicityOrder.Where(c => !millisecondsOnly || c == DiagnosisCause.TimestampMilliseconds))
        {
            var candidates = Candidates(cause, report, wideTimestampSearch);
            var kept = new List<Mistake>();
            foreach (var mistake in candidates)
            {
                // Timestamp and algorithm mistakes always change the digest; message mistakes only when they change the bytes.
                if (!mistake.IsMessage || seen.Add(mistake.Apply(canonical).SignedBytesKey(token)))
                {
                    kept.Add(mistake);
                }
            }

            if (kept.Count > 0)
            {
                groups.Add((cause, kept));
            }
        }

        return groups;
    }

    private static IEnumerable<Mistake> Candidates(string cause, SignatureReport report, bool wide) => cause switch
    {
        DiagnosisCause.TimestampMilliseconds => Milliseconds(report.Timestamp, wide),
        DiagnosisCause.TimestampSkew => Skews(report.Timestamp, wide ? MaxSkewSeconds : MaxPairedSkewSeconds),
        DiagnosisCause.Whitespace => Whitespace(),
        DiagnosisCause.EmailCase => EmailCase(),
        DiagnosisCause.FieldOrder => FieldOrders(),
        DiagnosisCause.TokenMissingFromMessage =>
            [new(cause, "left the token out of the message (name + email + timestamp)", 3, r => r with { Order = r.Order.Replace("T", "", StringComparison.Ordinal) })],
        DiagnosisCause.Separator => Separators.Select(s => new Mistake(cause, $"joined the fields with {s.Shown}", 4, r => r with { Separator = s.Separator })),
        DiagnosisCause.HtmlEscaped => HtmlEscaping(),
        DiagnosisCause.UnicodeNormalization =>
        [
            new(cause, "signed the name and email in NFC (composed) form", 1, r => r with { Name = UnicodeForms.ToNfc(r.Name), Email = UnicodeForms.ToNfc(r.Email) }),
            new(cause, "signed the name and email in NFD (decomposed) form", 1, r => r with { Name = UnicodeForms.ToNfd(r.Name), Email = UnicodeForms.ToNfd(r.Email) }),
        ],
        DiagnosisCause.WrongTextEncoding => TextEncodings(),
        DiagnosisCause.KeyAndMessageSwapped =>
            [new(cause, "used the message as the HMAC key and the token as the message", 7, r => r with { Algorithm = SigningAlgorithm.HmacSha256KeyAndMessageSwapped })],
        DiagnosisCause.WrongAlgorithm => Algorithms(),
        _ => [],
    };

    private static IEnumerable<Mistake> Milliseconds(long sent, bool wide)
    {
        const string cause = DiagnosisCause.TimestampMilliseconds;
        if (sent >= TimestampShape.MillisecondsThreshold)
        {
            foreach (var signed in new[] { Math.Floor(sent / 1000.0), Math.Round(sent / 1000.0, MidpointRounding.AwayFromZero) }.Distinct())
            {
                var seconds = (long)signed;
                yield return new(cause, $"signed {seconds} (seconds) but sent {sent} (milliseconds)", 0, r => r with { Timestamp = seconds });
            }

            yield break;
        }

        if (sent > long.MaxValue / 1000 - 1 || sent < long.MinValue / 1000 + 1)
        {
            yield break;
        }

        // The milliseconds come from the same clock read as the seconds sent, so any remainder of that second.
        foreach (var remainder in wide ? Enumerable.Range(0, 1000) : [0])
        {
            var signed = sent * 1000 + remainder;
            yield return new(cause, $"signed {signed} (milliseconds) but sent {sent} (seconds)", 0, r => r with { Timestamp = signed }, remainder == 0 ? MistakePairing.All : MistakePairing.AlgorithmsOnly);
        }
    }

    private static IEnumerable<Mistake> Skews(long sent, int maxSeconds)
    {
        for (var seconds = 1; seconds <= maxSeconds; seconds++)
        {
            foreach (var delta in new[] { -seconds, seconds })
            {
                if ((delta < 0 && sent < long.MinValue - delta) || (delta > 0 && sent > long.MaxValue - delta))
                {
                    continue;
                }

                var signed = sent + delta;
                var when = delta < 0 ? $"{-delta} s before" : $"{delta} s after";
                yield return new(DiagnosisCause.TimestampSkew, $"signed {signed.ToString(CultureInfo.InvariantCulture)}, {when} the timestamp sent ({sent.ToString(CultureInfo.InvariantCulture)})",
                    0, r => r with { Timestamp = signed }, seconds <= MaxPairedSkewSeconds ? MistakePairing.All : MistakePairing.None);
            }
        }
    }

    private static IEnumerable<Mistake> Whitespace()
    {
        const string cause = DiagnosisCause.Whitespace;
        yield return new(cause, "trimmed the name and email before signing", 1, r => r with { Name = r.Name.Trim(PhpTrimCharacters.ToCharArray()), Email = r.Email.Trim(PhpTrimCharacters.ToCharArray()) });
        yield return new(cause, "trimmed the name before signing", 1, r => r with { Name = r.Name.Trim(PhpTrimCharacters.ToCharArray()) });
        yield return new(cause, "trimmed the email before signing", 1, r => r with { Email = r.Email.Trim(PhpTrimCharacters.ToCharArray()) });
        yield return new(cause, "signed with the token's trailing newline (read from a file without trim)", 1, r => r with { TokenSuffix = "\n" });
        yield return new(cause, "signed with the token's trailing CRLF (read from a file without trim)", 1, r => r with { TokenSuffix = "\r\n" });
        yield return new(cause, "signed the message with a trailing newline", 5, r => r with { Suffix = "\n" });
        yield return new(cause, "signed the message with a trailing CRLF", 5, r => r with { Suffix = "\r\n" });
        yield return new(cause, "collapsed runs of whitespace in the name to one space", 1, r => r with { Name = WhitespaceRun().Replace(r.Name, " ") });
        yield return new(cause, "removed invisible characters (zero-width spaces, BOM) and turned no-break spaces into spaces",
            1, r => r with { Name = StripInvisible(r.Name), Email = StripInvisible(r.Email) });
    }

    private static IEnumerable<Mistake> EmailCase()
    {
        const string cause = DiagnosisCause.EmailCase;
        yield return new(cause, "signed the email lower-cased (strtolower)", 1, r => r with { Email = AsciiCase(r.Email, upper: false) });
        yield return new(cause, "signed the email lower-cased (toLowerCase / mb_strtolower)", 1, r => r with { Email = r.Email.ToLowerInvariant() });
        yield return new(cause, "signed the email upper-cased (strtoupper)", 1, r => r with { Email = AsciiCase(r.Email, upper: true) });
        yield return new(cause, "signed the email upper-cased (toUpperCase / mb_strtoupper)", 1, r => r with { Email = r.Email.ToUpperInvariant() });
    }

    private static IEnumerable<Mistake> FieldOrders()
    {
        foreach (var order in Permutations(SenderRecipe.KayakoOrder).Where(o => o != SenderRecipe.KayakoOrder))
        {
            yield return new(DiagnosisCause.FieldOrder, $"concatenated {Describe(order)} instead of name + email + token + timestamp", 2, r => r with { Order = order });
        }
    }

    private static IEnumerable<Mistake> HtmlEscaping()
    {
        const string cause = DiagnosisCause.HtmlEscaped;
        foreach (var (name, escape) in HtmlEscapers)
        {
            yield return new(cause, $"signed the name and email escaped with {name}", 1, r => r with { Name = escape(r.Name), Email = escape(r.Email) });
        }

        yield return new(cause, "signed the name and email unescaped while the page sent them HTML-escaped", 1,
            r => r with { Name = UnescapeHtml(r.Name), Email = UnescapeHtml(r.Email) });
    }

    private static IEnumerable<Mistake> TextEncodings()
    {
        const string cause = DiagnosisCause.WrongTextEncoding;
        yield return new(cause, "encoded the message as ISO-8859-1 (utf8_decode: '?' for other characters)", 6, r => r with { Encoding = MessageEncoding.Latin1 });
        yield return new(cause, "encoded the message as Windows-1252 (iconv)", 6, r => r with { Encoding = MessageEncoding.Windows1252 });
        yield return new(cause, "encoded the message as 'latin1'/'binary' (Node: the low byte of each character)", 6, r => r with { Encoding = MessageEncoding.Latin1LowByte });
        yield return new(cause, "encoded the message as UTF-8 twice (utf8_encode over UTF-8)", 6, r => r with { Encoding = MessageEncoding.DoubleUtf8 });
        yield return new(cause, "encoded the message as UTF-16LE (Node 'utf16le'/'ucs2')", 6, r => r with { Encoding = MessageEncoding.Utf16LittleEndian });
        yield return new(cause, "encoded the message as UTF-16BE", 6, r => r with { Encoding = MessageEncoding.Utf16BigEndian });
    }

    private static IEnumerable<Mistake> Algorithms()
    {
        (SigningAlgorithm Algorithm, string Name)[] algorithms =
        [
            (SigningAlgorithm.HmacSha1, "HMAC-SHA1"), (SigningAlgorithm.HmacSha512, "HMAC-SHA512"),
            (SigningAlgorithm.HmacSha384, "HMAC-SHA384"), (SigningAlgorithm.HmacMd5, "HMAC-MD5"),
            (SigningAlgorithm.Sha256, "plain SHA-256 of the message (no key)"), (SigningAlgorithm.Sha1, "plain SHA-1 of the message (no key)"),
            (SigningAlgorithm.Sha512, "plain SHA-512 of the message (no key)"), (SigningAlgorithm.Md5, "plain MD5 of the message (no key)"),
        ];
        return algorithms.Select(a => new Mistake(DiagnosisCause.WrongAlgorithm, $"computed {a.Name} instead of HMAC-SHA256", 7, r => r with { Algorithm = a.Algorithm }));
    }

    private static IEnumerable<string> Permutations(string letters) =>
        letters.Length <= 1
            ? [letters]
            : letters.SelectMany((letter, i) => Permutations(letters.Remove(i, 1)).Select(rest => letter + rest));

    private static string Describe(string order) =>
        string.Join(" + ", order.Select(letter => letter switch { 'N' => "name", 'E' => "email", 'T' => "token", _ => "timestamp" }));

    private static string AsciiCase(string text, bool upper) =>
        string.Create(text.Length, (text, upper), (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.text[i];
                span[i] = state.upper ? (c is >= 'a' and <= 'z' ? (char)(c - 32) : c) : (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
            }
        });

    private static string EscapeHtml(string text, string? apostrophe)
    {
        var escaped = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
        return apostrophe is null ? escaped : escaped.Replace("'", apostrophe, StringComparison.Ordinal);
    }

    private static string UnescapeHtml(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&quot;", "\"", StringComparison.Ordinal).Replace("&#039;", "'", StringComparison.Ordinal)
            .Replace("&#39;", "'", StringComparison.Ordinal).Replace("&#x27;", "'", StringComparison.Ordinal)
            .Replace("&apos;", "'", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    private static string StripInvisible(string text) =>
        InvisibleCharacter().Replace(text, "").Replace('\u00A0', ' ');

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex("[\u200B\u200C\u200D\u2060\uFEFF]")]
    private static partial Regex InvisibleCharacter();
}
