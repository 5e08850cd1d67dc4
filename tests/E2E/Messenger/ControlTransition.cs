using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kayako.Harness.E2E.Tests.Messenger;

/// <summary>One row of <c>fixtures/stub/control-transitions.json</c>.</summary>
public sealed record ControlTransition(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("call")] string Call,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("window")] string Window,
    [property: JsonPropertyName("events")] string[] Events)
{
    public static IEnumerable<TestCaseData> All()
    {
        using var file = File.OpenRead(RepositoryFixtures.PathOf("stub/control-transitions.json"));
        var document = JsonDocument.Parse(file);
        foreach (var row in document.RootElement.GetProperty("transitions").EnumerateArray())
        {
            var transition = row.Deserialize<ControlTransition>()!;
            yield return new TestCaseData(transition).SetArgDisplayNames($"{transition.Call} when {transition.From}");
        }
    }

    public override string ToString() => $"{Call}() when {From}";
}
