using Kayako.Harness.Messenger;
using System.Text.Json;

namespace Kayako.Harness.Configuration;

/// <summary>Reads a site's <c>steps</c>: exactly one action per step, <c>value</c> only with <c>fill</c>, <c>logout</c> only on actions.</summary>
internal static class SiteStepReader
{
    internal static readonly string[] StepKeys = ["goto", "click", "fill", "value", "valueEnv", "expect", "logout"];
    private static readonly string[] Actions = ["goto", "click", "fill", "expect"];
    internal static readonly string[] ExpectKeys = ["visibility", "identified"];

    public static List<SiteStep> ReadAll(JsonElement element, string path, Uri? siteUrl, JsonReadContext context)
    {
        var items = context.Array(element, path);
        var steps = new List<SiteStep>();
        if (items is null)
        {
            return steps;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (Read(items[i], i, JsonReadContext.Item(path, i), siteUrl, context) is { } step)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    private static SiteStep? Read(JsonElement element, int index, string path, Uri? siteUrl, JsonReadContext context)
    {
        var properties = context.Object(element, path, StepKeys);
        if (properties is null)
        {
            return null;
        }

        var actions = Actions.Where(properties.ContainsKey).ToList();
        if (actions.Count != 1)
        {
            context.Report(path, actions.Count == 0
                ? "has no action; give exactly one of goto, click, fill (with value) or expect."
                : $"has {actions.Count} actions ({string.Join(", ", actions)}); give exactly one per step and split the rest into their own steps.");
            return null;
        }

        var action = actions[0];
        var logout = false;
        if (properties.TryGetValue("logout", out var logoutElement))
        {
            if (action == "expect")
            {
                context.Report(JsonReadContext.Child(path, "logout"), "cannot mark an expect step; put \"logout\": true on the goto or click that signs the user out.");
            }

            logout = context.Boolean(logoutElement, JsonReadContext.Child(path, "logout")) ?? false;
        }

        foreach (var key in new[] { "value", "valueEnv" }.Where(key => properties.ContainsKey(key) && action != "fill"))
        {
            context.Report(JsonReadContext.Child(path, key), $"belongs to a fill step, not to {action}; remove it or make the step a fill.");
        }

        var actionPath = JsonReadContext.Child(path, action);
        var actionElement = properties[action];
        switch (action)
        {
            case "goto":
                return ReadGoto(actionElement, index, path, actionPath, logout, siteUrl, context);
            case "click":
                return context.NonEmptyString(actionElement, actionPath) is { } clickSelector
                    ? new ClickStep(index, path, logout, clickSelector)
                    : null;
            case "fill":
                var fillSelector = context.NonEmptyString(actionElement, actionPath);
                string? value = null;
                string? valueEnv = null;
                var hasValue = properties.TryGetValue("value", out var valueElement);
                var hasValueEnv = properties.TryGetValue("valueEnv", out var valueEnvElement);
                if (hasValue && hasValueEnv)
                {
                    context.Report(path, "has both value and valueEnv; keep one: value for the text itself, valueEnv for the NAME of the environment variable holding it (a password).");
                }
                else if (!hasValue && !hasValueEnv)
                {
                    context.Report(JsonReadContext.Child(path, "value"), "is missing; a fill step needs the text to type, like \"value\": \"hello\" (or \"valueEnv\": \"STAGING_PASSWORD\" to read it from that environment variable when the run starts).");
                }
                else if (hasValue)
                {
                    value = context.String(valueElement, JsonReadContext.Child(path, "value"));
                }
                else
                {
                    valueEnv = HarnessConfigurationReader.ReadVariableName(valueEnvElement, JsonReadContext.Child(path, "valueEnv"), "the text to type", context);
                    value = valueEnv is null ? null : "";
                }

                return fillSelector is null || value is null ? null : new FillStep(index, path, logout, fillSelector, value) { ValueEnv = valueEnv };
            default:
                return ReadExpect(actionElement, index, path, actionPath, context);
        }
    }

    private static GotoStep? ReadGoto(JsonElement element, int index, string path, string actionPath, bool logout, Uri? siteUrl, JsonReadContext context)
    {
        if (context.NonEmptyString(element, actionPath) is not { } target)
        {
            return null;
        }

        if (HarnessConfigurationReader.TryAbsoluteHttpUrl(target, out var absolute))
        {
            return new GotoStep(index, path, logout, absolute);
        }

        if (Uri.TryCreate(target, UriKind.Absolute, out var other) && other.Scheme is not ("http" or "https") && !target.StartsWith('/'))
        {
            context.Report(actionPath, $"\"{target}\" is a {other.Scheme}: URL; only http and https pages (absolute, or relative to the site's url) can be opened.");
            return null;
        }

        if (siteUrl is null)
        {
            // The site's own url is bad and already reported; a relative goto cannot be resolved without it.
            return null;
        }

        return Uri.TryCreate(siteUrl, target, out var resolved)
            ? new GotoStep(index, path, logout, resolved)
            : Fail(context, actionPath, $"\"{target}\" cannot be resolved against {siteUrl}; give a path like \"/help\" or a full URL.");
    }

    private static ExpectStep? ReadExpect(JsonElement element, int index, string path, string actionPath, JsonReadContext context)
    {
        var properties = context.Object(element, actionPath, ExpectKeys);
        if (properties is null)
        {
            return null;
        }

        if (properties.Count == 0)
        {
            context.Report(actionPath, "expects nothing; give \"visibility\" (minimized, maximized or hidden) and/or \"identified\" (true, false or \"verified\").");
            return null;
        }

        MessengerVisibility? visibility = null;
        var ok = true;
        if (properties.TryGetValue("visibility", out var visibilityElement))
        {
            var visibilityPath = JsonReadContext.Child(actionPath, "visibility");
            var name = context.String(visibilityElement, visibilityPath);
            if (MessengerVisibilityNames.TryParse(name, out var parsed))
            {
                visibility = parsed;
            }
            else
            {
                ok = false;
                if (name is not null)
                {
                    context.Report(visibilityPath, $"\"{name}\" is not a messenger state; use one of {string.Join(", ", MessengerVisibilityNames.All)} (lower case, as visibility() returns it).");
                }
            }
        }

        ExpectedIdentity? identified = null;
        if (properties.TryGetValue("identified", out var identifiedElement))
        {
            identified = ReadIdentity(identifiedElement, JsonReadContext.Child(actionPath, "identified"), context);
            ok &= identified is not null;
        }

        return ok ? new ExpectStep(index, path, visibility, identified) : null;
    }

    private static ExpectedIdentity? ReadIdentity(JsonElement element, string path, JsonReadContext context)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                return ExpectedIdentity.Identified;
            case JsonValueKind.False:
                return ExpectedIdentity.NotIdentified;
            case JsonValueKind.String when element.GetString() == "verified":
                return ExpectedIdentity.Verified;
            default:
                context.Report(path, $"must be true (identify was called), false (nobody identified) or \"verified\" (identify with a signature that verifies), not {JsonReadContext.Describe(element)}.");
                return null;
        }
    }

    private static GotoStep? Fail(JsonReadContext context, string path, string message)
    {
        context.Report(path, message);
        return null;
    }
}
