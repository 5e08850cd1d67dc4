using System.Text;
using System.Text.Json;

namespace Kayako.Harness.Signing.Diagnosis;

/// <summary>
/// Reads <c>diagnose</c> input: one JSON report <c>{"name","email","token","timestamp","signature"}</c>
/// (pretty-printed or not), a JSON array of them, or JSON lines of them. A report may also come wrapped as a
/// bug-corpus entry <c>{"expectedCause", "source", "mistake", "report": {...}}</c>.
/// </summary>
/// <remarks>
/// A report is a signature input plus the signature, read by the same rules as <c>sign --jsonl</c> lines and vector
/// files (see <see cref="SignatureInputJson"/>), with two differences that come from what a report is: the token may
/// be left out (or <c>null</c>) when the reporter cannot share it, which checks the signature's form only; and the
/// timestamp may be a string of digits, because that is what some pages pass to <c>identify</c> (a note says so).
/// Blank lines between JSON lines are skipped.
/// </remarks>
public static class SignatureReportJson
{
    private static readonly SignatureJsonFormat Format = new(
        "a report",
        [
            SignatureJsonField.UserName, SignatureJsonField.Email, SignatureJsonField.Token with { Optional = true }, SignatureJsonField.Timestamp,
            SignatureJsonField.Signature,
        ])
    {
        TakesQuotedTimestamp = true,
        EmptyTokenHint = "; leave \"token\" out (or null) to check only the signature's form",
    };

    private static readonly string[] CorpusFields = ["expectedCause", "source", "mistake", "report"];

    /// <summary>Reads every report in <paramref name="text"/>; a bad one is an entry with an error, the others are still read.</summary>
    /// <param name="text">One JSON report, a JSON array of reports, or JSON lines of reports.</param>
    /// <returns>One entry per report, in order.</returns>
    public static IReadOnlyList<SignatureReportEntry> ReadAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [new SignatureReportEntry(1, null, $"line 1: the input is empty; expected a JSON report {Format.Shape} or JSON lines of them.", [])];
        }

        var utf8 = Encoding.UTF8.GetBytes(text);
        if (IsOneValue(utf8))
        {
            var reader = new Utf8JsonReader(utf8);
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                var entries = new List<SignatureReportEntry>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    entries.Add(Entry(ref reader, entries.Count + 1, $"report {entries.Count + 1}"));
                }

                return entries;
            }

            var line = 1 + text.TakeWhile(char.IsWhiteSpace).Count(c => c == '\n');
            return [Entry(ref reader, line, $"line {line}")];
        }

        // Not one JSON value: JSON lines, so each bad line is reported on its own.
        var lines = new List<SignatureReportEntry>();
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                lines.Add(Line(Encoding.UTF8.GetBytes(line), number));
            }
        }

        return lines;
    }

    private static bool IsOneValue(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static SignatureReportEntry Line(ReadOnlySpan<byte> line, int number)
    {
        var where = $"line {number}";
        try
        {
            var reader = new Utf8JsonReader(line);
            reader.Read();
            var entry = Entry(ref reader, number, where);
            reader.Read(); // throws when more follows the object on this line
            return entry;
        }
        catch (JsonException error)
        {
            return new SignatureReportEntry(number, null, $"{where}: {SignatureJsonReader.NotJson(error, Format)} Put one report on each line.", []);
        }
    }

    // The reader is on the entry's first token; it is left on its last.
    private static SignatureReportEntry Entry(ref Utf8JsonReader reader, int line, string where)
    {
        if (reader.TokenType == JsonTokenType.StartObject && HasReport(reader))
        {
            string? problem = null;
            SignatureReportEntry? inner = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = JsonStringValue.Read(ref reader);
                reader.Read();
                if (name == "report" && inner is null)
                {
                    inner = Entry(ref reader, line, where);
                    continue;
                }

                problem ??= name == "report" ? "\"report\" appears twice; give each field once."
                    : CorpusFields.Contains(name, StringComparer.Ordinal) ? null
                    : $"unknown field \"{name}\" next to \"report\"; a corpus entry has {string.Join(", ", CorpusFields)}.";
                reader.Skip();
            }

            return problem is null ? inner! : new SignatureReportEntry(line, null, $"{where}: {problem}", []);
        }

        var read = SignatureJsonReader.Read(ref reader, Format);
        if (read.HasProblems)
        {
            return new SignatureReportEntry(line, null, $"{where}: {string.Join(" ", read.Problems)}", []);
        }

        var report = new SignatureReport(
            read.Text(SignatureJsonField.UserName)!, read.Text(SignatureJsonField.Email)!, read.Text(SignatureJsonField.Token),
            read.Timestamp!.Value, read.Text(SignatureJsonField.Signature)!);
        return new SignatureReportEntry(line, report, null, read.QuotedTimestamp is { } quoted
            ? [$"The timestamp was the string \"{quoted}\"; identify should get a number. Its digits were used."]
            : []);
    }

    // Whether the object the reader is on has a "report" member, looked for on a copy so the reader stays put.
    private static bool HasReport(Utf8JsonReader copy)
    {
        while (copy.Read() && copy.TokenType == JsonTokenType.PropertyName)
        {
            if (copy.ValueTextEquals("report"u8))
            {
                return true;
            }

            copy.Read();
            copy.Skip();
        }

        return false;
    }
}
