using System.Text.Json;

namespace Kayako.Harness.Messenger;

/// <summary>How entries render the JSON values a page passed: as JSON, exactly as logged.</summary>
internal static class JsonArguments
{
    public static string Join(IReadOnlyList<JsonElement> arguments) => string.Join(", ", arguments.Select(a => a.GetRawText()));
}
