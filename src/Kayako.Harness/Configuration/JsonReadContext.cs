using System.Globalization;
using System.Text.Json;

namespace Kayako.Harness.Configuration;

/// <summary>
/// Walks a configuration document and collects problems instead of stopping at the first, so the user sees
/// every one with its path. Each reader returns <see langword="null"/> (or the default) for a bad value.
/// </summary>
internal sealed class JsonReadContext
{
    private readonly List<ConfigurationProblem> problems = [];

    public IReadOnlyList<ConfigurationProblem> Problems => problems;

    public void Report(string path, string message) => problems.Add(new ConfigurationProblem(path, message));

    public static string Child(string path, string name) =>
        IsPlainName(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Item(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>
    /// The properties of an object, reporting keys that are not allowed (any key is, with <paramref name="allowed"/>
    /// <see langword="null"/>) or repeated. Returns <see langword="null"/> (and reports) when the element is not an object.
    /// </summary>
    public Dictionary<string, JsonElement>? Object(JsonElement element, string path, IReadOnlyCollection<string>? allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Report(path, $"must be an object, not {Describe(element)}.");
            return null;
        }

        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var childPath = Child(path, property.Name);
            if (allowed is not null && !allowed.Contains(property.Name))
            {
                Report(childPath, $"unknown key \"{property.Name}\". Allowed here: {string.Join(", ", allowed)}.");
            }
            else if (!properties.TryAdd(property.Name, property.Value))
            {
                Report(childPath, $"\"{property.Name}\" appears more than once; keep one.");
            }
        }

        return properties;
    }

    public string? String(JsonElement element, string path, bool allowNull = false)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString();
        }

        if (allowNull && element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        Report(path, $"must be a string{(allowNull ? " or null" : "")}, not {Describe(element)}.");
        return null;
    }

    public string? NonEmptyString(JsonElement element, string path)
    {
        var value = String(element, path);
        if (value is not null && value.Trim().Length == 0)
        {
            Report(path, "must not be empty.");
            return null;
        }

        return value;
    }

    public bool? Boolean(JsonElement element, string path)
    {
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        Report(path, $"must be true or false, not {Describe(element)}.");
        return null;
    }

    public int? Integer(JsonElement element, string path, int min, int max)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) && value >= min && value <= max)
        {
            return value;
        }

        Report(path, $"must be a whole number from {min} to {max}, not {Describe(element)}.");
        return null;
    }

    public List<JsonElement>? Array(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return [.. element.EnumerateArray()];
        }

        Report(path, $"must be an array, not {Describe(element)}.");
        return null;
    }

    /// <summary>A value as it reads in a message: its kind and, for short scalars, the value itself.</summary>
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {Quote(element.GetString()!)}",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString(),
    };

    private static string Quote(string value) =>
        "\"" + (value.Length > 80 ? value[..80] + "…" : value) + "\"";

    private static bool IsPlainName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] is '_' or '$') &&
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
}
