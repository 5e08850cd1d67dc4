using System.Globalization;
using System.Text.Json;
using Kayako.Harness.Signing.Diagnosis;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// Reads <c>diagnose</c> input: one JSON object (pretty-printed or not), a JSON array of them, or JSON lines. A line
/// may also be a bug-corpus entry <c>{"expectedCause", "report": {...}}</c>. Problems name the line and the field.
/// </summary>
internal static class DiagnoseReportReader
{
    private static readonly string[] ReportFields = ["name", "email", "token", "timestamp", "signature"];
    private static readonly string[] CorpusFields = ["expectedCause", "source", "mistake", "report"];

    /// <summary>A report read from the input, or the one-line reason it could not be read.</summary>
    public sealed record Entry(int Line, SignatureReport? Report, string? Error, IReadOnlyList<string> Notes);

    public static IReadOnlyList<Entry> Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [new Entry(1, null, "line 1: the input is empty; expected a JSON report {\"name\",\"email\",\"token\",\"timestamp\",\"signature\"} or JSON lines of them", [])];
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var line = 1 + text.TakeWhile(char.IsWhiteSpace).Count(c => c == '\n');
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Select((element, i) => FromElement(element, i + 1, $"report {i + 1}")).ToList()
                : [FromElement(document.RootElement, line, $"line {line}")];
        }
        catch (JsonException)
        {
            // Not one JSON document: read it as JSON lines, so each bad line is reported on its own.
        }

        var entries = new List<Entry>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var where = $"line {i + 1}";
            try
            {
                using var document = JsonDocument.Parse(lines[i]);
                entries.Add(FromElement(document.RootElement, i + 1, where));
            }
            catch (JsonException error)
            {
                entries.Add(new Entry(i + 1, null, $"{where}: not valid JSON ({FirstSentence(error.Message)}); each line must be one report object", []));
            }
        }

        return entries;
    }

    private static Entry FromElement(JsonElement element, int line, string where)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("report", out var inner))
        {
            var unknown = element.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !CorpusFields.Contains(n, StringComparer.Ordinal));
            return unknown is not null
                ? new Entry(line, null, $"{where}: unknown field \"{unknown}\" next to \"report\"; a corpus entry has {string.Join(", ", CorpusFields)}", [])
                : FromElement(inner, line, where);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return new Entry(line, null, $"{where}: expected a JSON object {{\"name\",\"email\",\"token\",\"timestamp\",\"signature\"}}, got {element.ValueKind.ToString().ToLowerInvariant()}", []);
        }

        var problems = new List<string>();
        var notes = new List<string>();
        foreach (var property in element.EnumerateObject().Where(p => !ReportFields.Contains(p.Name, StringComparer.Ordinal)))
        {
            problems.Add($"unknown field \"{property.Name}\" (a report has {string.Join(", ", ReportFields)})");
        }

        var name = RequiredString(element, "name", problems);
        var email = RequiredString(element, "email", problems);
        var signature = RequiredString(element, "signature", problems);
        var token = Token(element, problems);
        var timestamp = Timestamp(element, problems, notes);
        return problems.Count > 0 || name is null || email is null || signature is null || timestamp is null
            ? new Entry(line, null, $"{where}: {string.Join("; ", problems)}", [])
            : new Entry(line, new SignatureReport(name, email, token, timestamp.Value, signature), null, notes);
    }

    private static string? RequiredString(JsonElement element, string field, List<string> problems)
    {
        if (!element.TryGetProperty(field, out var value))
        {
            problems.Add($"field \"{field}\" is missing (use \"\" for an empty value)");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"field \"{field}\" is {value.ValueKind.ToString().ToLowerInvariant()}, not a string");
            return null;
        }

        return value.GetString();
    }

    private static string? Token(JsonElement element, List<string> problems)
    {
        if (!element.TryGetProperty("token", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"field \"token\" is {value.ValueKind.ToString().ToLowerInvariant()}, not a string");
            return null;
        }

        var token = value.GetString()!;
        if (token.Length == 0)
        {
            problems.Add("field \"token\" is empty (leave it out, or null, to check only the signature's form)");
        }

        return token;
    }

    private static long? Timestamp(JsonElement element, List<string> problems, List<string> notes)
    {
        if (!element.TryGetProperty("timestamp", out var value))
        {
            problems.Add("field \"timestamp\" is missing (the Unix time in seconds passed to identify)");
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out var number))
            {
                return number;
            }

            problems.Add($"field \"timestamp\" is {value.GetRawText()}, not an integer; identify takes whole Unix seconds, e.g. Math.floor(Date.now() / 1000) or time()");
            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            notes.Add($"The timestamp was the string \"{value.GetString()}\"; identify should get a number. Its digits were used.");
            return parsed;
        }

        var shown = value.ValueKind == JsonValueKind.String ? $"\"{value.GetString()}\"" : value.ValueKind.ToString().ToLowerInvariant();
        problems.Add($"field \"timestamp\" is {shown}, not a Unix time; use an integer number of seconds, e.g. 1764000000");
        return null;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
