using System.Text.Json;
using Kayako.Harness.Configuration;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// A site's <c>"emulation"</c> in the JSON report: what its browser pretended to be (<see cref="SiteEmulation"/>),
/// every key written, <c>null</c> where nothing was set: <c>{ "device", "viewport": { "width", "height" }, "screen",
/// "deviceScaleFactor", "isMobile", "hasTouch", "userAgent", "locale", "timezoneId", "colorScheme" }</c>. Read back as
/// strictly as the rest of the report; a report written before sites recorded it has none.
/// </summary>
internal static class EmulationJson
{
    public const string Key = "emulation";

    private static readonly string[] Keys = ["device", "viewport", "screen", "deviceScaleFactor", "isMobile", "hasTouch", "userAgent", "locale", "timezoneId", "colorScheme"];

    public static void Write(Utf8JsonWriter json, SiteEmulation? emulation)
    {
        if (emulation is null)
        {
            return;
        }

        json.WriteStartObject(Key);
        JsonReportWriter.WriteNullable(json, "device", emulation.Device);
        WriteSize(json, "viewport", emulation.Viewport);
        WriteSize(json, "screen", emulation.Screen);
        json.WriteNumber("deviceScaleFactor", emulation.DeviceScaleFactor);
        json.WriteBoolean("isMobile", emulation.IsMobile);
        json.WriteBoolean("hasTouch", emulation.HasTouch);
        JsonReportWriter.WriteNullable(json, "userAgent", emulation.UserAgent);
        JsonReportWriter.WriteNullable(json, "locale", emulation.Locale);
        JsonReportWriter.WriteNullable(json, "timezoneId", emulation.TimezoneId);
        JsonReportWriter.WriteNullable(json, "colorScheme", emulation.ColorScheme);
        json.WriteEndObject();
    }

    /// <summary>The emulation at <paramref name="path"/>; <see langword="null"/> (and reported) when it is not one.</summary>
    public static SiteEmulation? Read(JsonElement element, string path, JsonReadContext context)
    {
        if (context.Object(element, path, Keys) is not { } properties)
        {
            return null;
        }

        var missing = Keys.Where(key => !properties.ContainsKey(key)).ToList();
        if (missing.Count > 0)
        {
            context.Report(path, $"has no {string.Join(", ", missing.Select(key => $"\"{key}\""))}.");
            return null;
        }

        var problems = context.Problems.Count;
        string? Text(string key) => properties[key].ValueKind == JsonValueKind.Null ? null : context.NonEmptyString(properties[key], JsonReadContext.Child(path, key));
        var device = Text("device");
        var viewport = Size(properties["viewport"], path + ".viewport", context);
        var screen = properties["screen"].ValueKind == JsonValueKind.Null ? null : Size(properties["screen"], path + ".screen", context);
        var scale = properties["deviceScaleFactor"] is { ValueKind: JsonValueKind.Number } number && number.TryGetDouble(out var factor) && factor > 0 ? factor : (double?)null;
        if (scale is null)
        {
            context.Report(path + ".deviceScaleFactor", $"must be a number above 0, not {JsonReadContext.Describe(properties["deviceScaleFactor"])}.");
        }

        var mobile = context.Boolean(properties["isMobile"], path + ".isMobile");
        var touch = context.Boolean(properties["hasTouch"], path + ".hasTouch");
        var userAgent = Text("userAgent");
        var locale = Text("locale");
        var timezone = Text("timezoneId");
        var scheme = Text("colorScheme");
        if (scheme is not null && !EmulationReader.ColorSchemes.Contains(scheme, StringComparer.Ordinal))
        {
            context.Report(path + ".colorScheme", $"must be \"light\", \"dark\", \"no-preference\" or null, not \"{scheme}\".");
        }

        return context.Problems.Count > problems || viewport is null || scale is null || mobile is null || touch is null
            ? null
            : new SiteEmulation
            {
                Device = device, Viewport = viewport, Screen = screen, DeviceScaleFactor = scale.Value, IsMobile = mobile.Value, HasTouch = touch.Value,
                UserAgent = userAgent, Locale = locale, TimezoneId = timezone, ColorScheme = scheme,
            };
    }

    private static Viewport? Size(JsonElement element, string path, JsonReadContext context) =>
        EmulationReader.ReadSize(element, path, context, key => context.Report(path, $"has no \"{key}\"."));

    private static void WriteSize(Utf8JsonWriter json, string name, Viewport? size)
    {
        if (size is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("width", size.Width);
        json.WriteNumber("height", size.Height);
        json.WriteEndObject();
    }
}
