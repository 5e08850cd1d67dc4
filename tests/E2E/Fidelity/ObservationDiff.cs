using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kayako.Harness.E2E.Tests.Fidelity;

/// <summary>
/// Compares two probe records (JSON) and lists every difference by JSON path, the way a reviewer reads
/// them: objects key by key, lists of names (globals, patched built-ins, callers) as sets, other lists item
/// by item.
/// </summary>
internal static partial class ObservationDiff
{
    // A list of names at most this long is also shown whole next to what differs.
    private const int WholeListLimit = 6;

    private const int MaxDifferences = 120;

    // Shown to people, not embedded anywhere: keep <, > and & readable.
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The differences, one block of one or more lines each; empty when the records are identical.</summary>
    public static IReadOnlyList<string> Compare(JsonNode? left, JsonNode? right, string leftName = "under check", string rightName = "plain Chromium")
    {
        var differences = new List<string>();
        new Walker(differences, leftName, rightName).Walk(left, right, "$");
        return differences;
    }

    /// <summary>The differences as one readable text, cut after a hundred or so.</summary>
    public static string Format(IReadOnlyList<string> differences)
    {
        var text = new StringBuilder();
        foreach (var difference in differences.Take(MaxDifferences))
        {
            text.AppendLine(difference);
        }

        if (differences.Count > MaxDifferences)
        {
            text.AppendLine($"... and {differences.Count - MaxDifferences} more differences");
        }

        return text.ToString();
    }

    private sealed class Walker(List<string> differences, string leftName, string rightName)
    {
        // "only under check" reads well; "only plain Chromium" does not.
        private readonly string rightOnly = rightName.StartsWith("under ", StringComparison.Ordinal) ? rightName : "in " + rightName;

        public void Walk(JsonNode? left, JsonNode? right, string path)
        {
            if (JsonNode.DeepEquals(left, right))
            {
                return;
            }

            switch (left, right)
            {
                case (JsonObject l, JsonObject r):
                    foreach (var (key, value) in l)
                    {
                        if (r.TryGetPropertyValue(key, out var other))
                        {
                            Walk(value, other, path + Segment(key));
                        }
                        else
                        {
                            differences.Add($"{path + Segment(key)}: only {leftName}: {Show(value)}");
                        }
                    }

                    foreach (var (key, value) in r)
                    {
                        if (!l.ContainsKey(key))
                        {
                            differences.Add($"{path + Segment(key)}: only {rightOnly}: {Show(value)}");
                        }
                    }

                    return;
                case (JsonArray l, JsonArray r) when AllStrings(l) && AllStrings(r):
                    CompareNames(l, r, path);
                    return;
                case (JsonArray l, JsonArray r):
                    for (var i = 0; i < Math.Max(l.Count, r.Count); i++)
                    {
                        if (i >= l.Count)
                        {
                            differences.Add($"{path}[{i}]: only {rightOnly}: {Show(r[i])}");
                        }
                        else if (i >= r.Count)
                        {
                            differences.Add($"{path}[{i}]: only {leftName}: {Show(l[i])}");
                        }
                        else
                        {
                            Walk(l[i], r[i], $"{path}[{i}]");
                        }
                    }

                    return;
                default:
                    differences.Add($"{path}{Environment.NewLine}    {leftName}: {Show(left)}{Environment.NewLine}    {rightName}: {Show(right)}");
                    return;
            }
        }

        // What is missing on either side matters more than where: an item-by-item walk would shift every line
        // after the first difference.
        private void CompareNames(JsonArray l, JsonArray r, string path)
        {
            var leftItems = l.Select(n => n!.GetValue<string>()).ToList();
            var rightItems = r.Select(n => n!.GetValue<string>()).ToList();
            var onlyLeft = leftItems.Except(rightItems, StringComparer.Ordinal).ToList();
            var onlyRight = rightItems.Except(leftItems, StringComparer.Ordinal).ToList();
            var block = new StringBuilder();
            if (onlyLeft.Count == 0 && onlyRight.Count == 0)
            {
                block.Append($"{path}: the same items in another order (or repeated differently)");
            }
            else
            {
                block.Append($"{path}: lists differ ({leftItems.Count} items {leftName}, {rightItems.Count} {rightOnly})");
                block.Append($"{Environment.NewLine}    only {leftName}: {(onlyLeft.Count == 0 ? "(none)" : string.Join(", ", onlyLeft))}");
                block.Append($"{Environment.NewLine}    only {rightOnly}: {(onlyRight.Count == 0 ? "(none)" : string.Join(", ", onlyRight))}");
            }

            if ((onlyLeft.Count == 0 && onlyRight.Count == 0) || (l.Count <= WholeListLimit && r.Count <= WholeListLimit))
            {
                block.Append($"{Environment.NewLine}    {leftName}: {Show(l)}");
                block.Append($"{Environment.NewLine}    {rightName}: {Show(r)}");
            }

            differences.Add(block.ToString());
        }
    }

    private static bool AllStrings(JsonArray array) =>
        array.All(n => n is JsonValue value && value.GetValueKind() == JsonValueKind.String);

    private static string Segment(string key) =>
        Identifier().IsMatch(key) ? "." + key : "[" + JsonSerializer.Serialize(key) + "]";

    private static string Show(JsonNode? node)
    {
        var text = node is null ? "null" : node.ToJsonString(Compact);
        return text.Length <= 400 ? text : text[..400] + $"... ({text.Length} characters)";
    }

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}
