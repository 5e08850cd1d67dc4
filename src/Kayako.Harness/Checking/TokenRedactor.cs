using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kayako.Harness.Checking;

/// <summary>
/// Knows the forms the messenger token takes in the places a browser sees (as is, JSON-escaped the way
/// JavaScript and PHP print it, URL-encoded, HTML-escaped), finds it and blanks it out. Every string that
/// reaches a report passes through <see cref="Redact"/>, so even a page that echoes the token cannot put it
/// into a report.
/// </summary>
internal sealed class TokenRedactor
{
    /// <summary>What replaces the token in text.</summary>
    public const string Mask = "[token]";

    private readonly string[] forms;

    public TokenRedactor(string? token)
    {
        forms = token is { Length: > 0 } ? Forms(token) : [];
    }

    /// <summary>Whether there is a token to look for.</summary>
    public bool Knows => forms.Length > 0;

    /// <summary>Whether <paramref name="text"/> holds the token in any of its forms.</summary>
    public bool Finds(string? text) =>
        text is { Length: > 0 } && forms.Any(form => text.Contains(form, StringComparison.Ordinal));

    /// <summary>The text with every form of the token replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        foreach (var form in forms)
        {
            text = text.Replace(form, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    private static string[] Forms(string token)
    {
        var json = JsonSerializer.Serialize(token, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })[1..^1];
        var strictJson = JsonSerializer.Serialize(token)[1..^1];
        return new[]
            {
                token,
                json,
                strictJson,
                json.Replace("/", "\\/", StringComparison.Ordinal), // PHP's json_encode escapes slashes
                Uri.EscapeDataString(token),
                WebUtility.UrlEncode(token),
                WebUtility.HtmlEncode(token),
            }
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(form => form.Length) // the longest first, so no form is left half-replaced
            .ToArray();
    }
}
