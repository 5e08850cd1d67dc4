using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kayako.Harness.E2E.Tests.Hostile;

/// <summary>
/// A random token for one test run, and a search for it in every form an artifact could hold it: as is,
/// JSON-escaped, URL-encoded, HTML-escaped, base64 (at any alignment inside a longer encoded text, standard
/// and URL-safe) and hex, in zips (traces) and zips inside zips, and in base64 <c>data:</c> URIs (the HTML
/// report's screenshots). Reports say where and in which form, never the token.
/// </summary>
internal sealed partial class TokenSearch
{
    private readonly List<(string Form, byte[] Bytes)> forms;

    private TokenSearch(string token, string core)
    {
        Token = token;
        Core = core;
        var coreBytes = Encoding.UTF8.GetBytes(core);
        var tokenBytes = Encoding.UTF8.GetBytes(token);
        var list = new List<(string, string)>
        {
            ("raw", token),
            // Escaping leaves letters and digits alone, so the random core is in the raw, JSON-escaped, URL-encoded,
            // HTML- and XML-escaped forms of the token, and of any text that holds it.
            ("raw core (so also JSON-escaped, URL-encoded, HTML-escaped)", core),
            ("JSON-escaped", JsonSerializer.Serialize(token)[1..^1]),
            ("URL-encoded", Uri.EscapeDataString(token)),
            ("form-encoded", WebUtility.UrlEncode(token)),
            ("HTML-escaped", WebUtility.HtmlEncode(token)),
            ("hex", Convert.ToHexStringLower(tokenBytes)),
            ("HEX", Convert.ToHexString(tokenBytes)),
            ("hex of the core", Convert.ToHexStringLower(coreBytes)),
            ("HEX of the core", Convert.ToHexString(coreBytes)),
            ("base64", Convert.ToBase64String(tokenBytes).TrimEnd('=')),
        };

        // Base64 of a text holding the token: whatever the token's offset, the encoding holds the base64 of the core
        // from the next 3-byte boundary on, one of three fixed strings.
        for (var offset = 0; offset < 3; offset++)
        {
            var groups = (coreBytes.Length - offset) / 3;
            var encoded = Convert.ToBase64String(coreBytes, offset, groups * 3);
            list.Add(($"base64 of the core at alignment {offset}", encoded));
            list.Add(($"base64url of the core at alignment {offset}", encoded.Replace('+', '-').Replace('/', '_')));
        }

        forms = [.. list.DistinctBy(f => f.Item2, StringComparer.Ordinal).Select(f => (f.Item1, Encoding.UTF8.GetBytes(f.Item2)))];
        forms.Add(("UTF-16 core", Encoding.Unicode.GetBytes(core)));
    }

    /// <summary>The token: a random core between characters that every encoding treats differently.</summary>
    public string Token { get; }

    /// <summary>The token's random middle, 32 hex digits.</summary>
    public string Core { get; }

    /// <summary>A fresh token with <c>/</c>, <c>+</c>, quotes, <c>&amp;</c> and <c>&lt;</c> around a random core.</summary>
    public static TokenSearch NewToken(string prefix)
    {
        var core = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return new TokenSearch($"{prefix}/{core}+'\"&<", core);
    }

    /// <summary>Text for a test's own messages, with the token's core blanked out.</summary>
    public string Redact(string text) => text.Replace(Core, "[token core]", StringComparison.Ordinal);

    /// <summary>Every place and form the token is found in: the artifact and, for archives, the entry.</summary>
    public IReadOnlyList<string> FindIn(string name, byte[] bytes)
    {
        var found = new List<string>();
        Search(name, bytes, found, depth: 0);
        return found;
    }

    /// <summary>Every place and form the token is found in, over every file under <paramref name="folder"/>.</summary>
    public IReadOnlyList<string> FindInFolder(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .SelectMany(file => FindIn(Path.GetRelativePath(folder, file), File.ReadAllBytes(file)))];

    private void Search(string name, byte[] bytes, List<string> found, int depth)
    {
        foreach (var (form, pattern) in forms)
        {
            var at = bytes.AsSpan().IndexOf(pattern);
            if (at >= 0)
            {
                found.Add($"{name}: {form}, in \"{Context(bytes, at, pattern.Length)}\"");
            }
        }

        if (depth > 4)
        {
            return;
        }

        if (bytes is [(byte)'P', (byte)'K', 3, 4, ..])
        {
            foreach (var (entry, content) in Entries(bytes))
            {
                Search($"{name}!{entry}", content, found, depth + 1);
            }
        }
        else if (bytes is [0x1f, 0x8b, ..])
        {
            Search(name + "!gunzip", Gunzip(bytes), found, depth + 1);
        }

        // Embedded files (the HTML report's screenshots): decoded, and searched like any other.
        if (bytes.AsSpan().IndexOf("data:"u8) >= 0)
        {
            var text = Encoding.UTF8.GetString(bytes);
            var index = 0;
            foreach (Match data in DataUri().Matches(text))
            {
                byte[] decoded;
                try
                {
                    decoded = Convert.FromBase64String(data.Groups["data"].Value);
                }
                catch (FormatException)
                {
                    continue;
                }

                Search($"{name}!data-uri[{index++}]({data.Groups["type"].Value})", decoded, found, depth + 1);
            }
        }
    }

    // What surrounds a match, so a failure says where it is; the match itself and any other copy of the core blanked out.
    private string Context(byte[] bytes, int at, int length)
    {
        var from = Math.Max(0, at - 80);
        var to = Math.Min(bytes.Length, at + length + 40);
        var text = Encoding.UTF8.GetString(bytes, from, at - from) + "[TOKEN]" + Encoding.UTF8.GetString(bytes, at + length, to - at - length);
        return new string([.. Redact(text).Select(c => char.IsControl(c) ? ' ' : c)]);
    }

    /// <summary>The entries of a zip (a Playwright trace), each read whole.</summary>
    public static IEnumerable<(string Name, byte[] Content)> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var content = new MemoryStream();
            stream.CopyTo(content);
            yield return (entry.FullName, content.ToArray());
        }
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var content = new MemoryStream();
            gzip.CopyTo(content);
            return content.ToArray();
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }

    [GeneratedRegex(@"data:(?<type>[a-z0-9.+/-]*)(;[a-z0-9=-]+)*;base64,(?<data>[A-Za-z0-9+/=]+)", RegexOptions.IgnoreCase)]
    private static partial Regex DataUri();
}
