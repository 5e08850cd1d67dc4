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
                MessengerCall call when MessengerSurface.UndocumentedMethods.Contains(call.Method) && reported.Add(call.Method) =>
                    $"{CallFormatter.Describe(call)} calls kayako.{call.Method}, which Kayako's public messenger docs do not list. {Promise}",
                MessengerCall { Method: "on" } call when EventName(call) is { } name && !MessengerSurface.DocumentedEvents.Contains(name) && reported.Add("on:" + name) =>
                    MessengerSurface.UndocumentedEvents.Contains(name)
                        ? $"{CallFormatter.Describe(call)} listens for '{name}', an event Kayako's public messenger docs do not list. {Promise}"
                        : $"{CallFormatter.Describe(call)} listens for '{name}', which the messenger does not fire (documented: " +
                          $"{string.Join(", ", MessengerSurface.DocumentedEvents)}; also fired: {string.Join(", ", MessengerSurface.UndocumentedEvents)}). The listener never runs.",
                ConfigRead config when reported.Add("config") =>
                    $"{config.PageUrl} sets kayako.config ({Keys(config)}) before the messenger loads; Kayako's public messenger docs do not list it. {Promise}",
                _ => null,
            };
            if (finding is not null)
            {
                yield return new Finding(Id, Severity.Warning, finding);
            }
        }
    }

    private static string? EventName(MessengerCall call) =>
        call.Arguments is [{ ValueKind: JsonValueKind.String } name, ..] ? name.GetString() : null;

    private static string Keys(ConfigRead config)
    {
        if (config.Config.ValueKind != JsonValueKind.Object)
        {
            return "not an object";
        }

        var keys = config.Keys;
        var unknown = keys.Where(k => !MessengerSurface.ConfigKeys.Contains(k)).ToList();
        return string.Join(", ", keys) + (unknown.Count == 0
            ? ""
            : $"; the messenger reads none of {string.Join(", ", unknown)} (it reads {string.Join(", ", MessengerSurface.ConfigKeys)})");
    }
}
