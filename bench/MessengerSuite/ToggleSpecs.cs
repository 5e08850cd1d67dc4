using Kayako.Harness.Messenger;
using Kayako.Harness.NUnit;
using NUnit.Framework;

// Two workers, each with its own browser (Playwright.NUnit keeps one per worker) and each test its own context:
// fixtures side by side, a fixture's tests one after another, as Playwright Test runs files and their tests.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]

namespace Kayako.Harness.Bench.MessengerSuite;

/// <summary>
/// Ten specs: open the toggle fixture page (bundled with Kayako.Harness, served by the fixture host) with the
/// stub, click the page's toggle twice, assert the messenger's visibility each time. Six fixtures of them make the
/// suite's 60, as the Playwright Test peer's six files do (bench/raw/suite).
/// </summary>
public abstract class ToggleSpecs : MessengerPageTest
{
    private static readonly int[] Specs = [.. Enumerable.Range(1, 10)];

    // The case number only names the spec.
    [TestCaseSource(nameof(Specs))]
    public async Task The_toggle_opens_and_closes_the_messenger(int spec)
    {
        await Page.GotoAsync(PageUrl("toggle.html"));
        await Messenger.WaitForReadyAsync();
        await Page.ClickAsync("#toggle-chat");
        await Messenger.ShouldBecomeAsync(MessengerVisibility.Maximized);
        await Page.ClickAsync("#toggle-chat");
        await Messenger.ShouldBecomeAsync(MessengerVisibility.Minimized);
    }
}

public sealed class ToggleSpecs1 : ToggleSpecs;

public sealed class ToggleSpecs2 : ToggleSpecs;

public sealed class ToggleSpecs3 : ToggleSpecs;

public sealed class ToggleSpecs4 : ToggleSpecs;

public sealed class ToggleSpecs5 : ToggleSpecs;

public sealed class ToggleSpecs6 : ToggleSpecs;
