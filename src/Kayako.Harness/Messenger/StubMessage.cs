using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kayako.Harness.Messenger;

/// <summary>One entry as the page-side scripts send it over the session's private console channel.</summary>
internal sealed record StubMessage(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("args")] JsonElement[]? Args,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("url")] string? Url);
