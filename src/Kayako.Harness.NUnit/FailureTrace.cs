using Microsoft.Playwright;

namespace Kayako.Harness.NUnit;

/// <summary>
/// How <see cref="MessengerPageTest"/> records the trace a failing test keeps, from <c>KAYAKO_HARNESS_TRACE</c>:
/// <c>actions</c> (the default) records every action with its timing, console, network and errors, without DOM
/// snapshots, so a passing test costs about what an untraced one does; <c>full</c> adds a DOM snapshot and a
/// screenshot per action (Playwright Test's <c>retain-on-failure</c>), for a failure that needs them; <c>off</c>
/// records nothing (the failure screenshot and call log are still kept).
/// </summary>
internal static class FailureTrace
{
    /// <summary>The environment variable that chooses the mode.</summary>
    public const string Variable = "KAYAKO_HARNESS_TRACE";

    private static readonly string[] Modes = ["actions", "full", "off"];

    /// <summary>The tracing options for a mode, or <see langword="null"/> when the test is not traced.</summary>
    /// <param name="mode">The variable's value; <see langword="null"/> or empty for the default.</param>
    /// <param name="title">The trace's title (the test's name).</param>
    /// <returns>The options to start tracing with, or <see langword="null"/> for <c>off</c>.</returns>
    /// <exception cref="TestSettingsException">The value is none of the modes.</exception>
    public static TracingStartOptions? Options(string? mode, string title) => (string.IsNullOrEmpty(mode) ? "actions" : mode.Trim()) switch
    {
        "actions" => new TracingStartOptions { Title = title, Snapshots = false, Screenshots = false },
        "full" => new TracingStartOptions { Title = title, Snapshots = true, Screenshots = true },
        "off" => null,
        _ => throw new TestSettingsException(
            $"{Variable} is \"{mode}\" in the environment, which is not a trace mode: set it to {string.Join(", ", Modes)} " +
            "(actions, the default, records each action, console and network; full adds DOM snapshots; off records nothing), or unset it."),
    };
}
