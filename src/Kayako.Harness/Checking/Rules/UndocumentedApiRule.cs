using System.Text.Json;
using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking.Rules;

/// <summary>
/// <c>undocumented-api</c> (warning): the site uses a member of the messenger that Kayako's public docs do not
/// list — a method, an event for <c>kayako.on</c>, or <c>kayako.config</c>. It works today, and a messenger
/// update may change it without notice. Also an event the messenger never fires, whose listener never runs.
/// One finding per member, at its first use.
/// </summary>
internal sealed class UndocumentedApiRule : ISiteRule
{
    private const string Promise = "It works today, but Kayako's public docs do not promise it: a messenger update may change or remove it. " +
                                   "Keep the page working without it, or ask Kayako to document it.";

    public string Id => RuleIds.UndocumentedApi;

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in context.Entries)
        {
            var finding = entry switch
            {
                { Kind: CallLogEntryKind.Call } when MessengerSurface.UndocumentedMethods.Contains(entry.Name) && reported.Add(entry.Name) =>
                    $"{CallFormatter.Describe(entry)} calls kayako.{entry.Name}, which Kayako's public messenger docs do not list. {Promise}",
                { Kind: CallLogEntryKind.Call, Name: "on" } when EventName(entry) is { } name && !MessengerSurface.DocumentedEvents.Contains(name) && reported.Add("on:" + name) =>
                    MessengerSurface.UndocumentedEvents.Contains(name)
                        ? $"{CallFormatter.Describe(entry)} listens for '{name}', an event Kayako's public messenger docs do not list. {Promise}"
                        : $"{CallFormatter.Describe(entry)} listens for '{name}', which the messenger does not fire (documented: " +
                          $"{string.Join(", ", MessengerSurface.DocumentedEvents)}; also fired: {string.Join(", ", MessengerSurface.UndocumentedEvents)}). The listener never runs.",
                { Kind: CallLogEntryKind.Config } when reported.Add("config") =>
                    $"{entry.PageUrl} sets kayako.config ({Keys(entry)}) before the messenger loads; Kayako's public messenger docs do not list it. {Promise}",
                _ => null,
            };
            if (finding is not null)
            {
                yield return new Finding(Id, Severity.Warning, finding);
            }
        }
    }

    private static string? EventName(CallLogEntry entry) =>
        entry.Arguments is [{ ValueKind: JsonValueKind.String } name, ..] ? name.GetString() : null;

    private static string Keys(CallLogEntry entry)
    {
        if (entry.Arguments is not [{ ValueKind: JsonValueKind.Object } config, ..])
        {
            return "not an object";
        }

        var keys = config.EnumerateObject().Select(p => p.Name).ToList();
        var unknown = keys.Where(k => !MessengerSurface.ConfigKeys.Contains(k)).ToList();
        return string.Join(", ", keys) + (unknown.Count == 0
            ? ""
            : $"; the messenger reads none of {string.Join(", ", unknown)} (it reads {string.Join(", ", MessengerSurface.ConfigKeys)})");
    }
}
