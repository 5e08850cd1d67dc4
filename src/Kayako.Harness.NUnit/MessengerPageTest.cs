using Kayako.Harness.Hosting;
using Kayako.Harness.Messenger;
using Microsoft.Playwright;
using Microsoft.Playwright.NUnit;
using Microsoft.Playwright.TestAdapter;
using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace Kayako.Harness.NUnit;

/// <summary>
/// A Playwright <see cref="PageTest"/> with the Kayako Messenger stub installed: each test gets a fresh
/// context in which the messenger script is the stub, Kayako's API is faked and every call is logged
/// (<see cref="Messenger"/>), and the fixture pages are served at <see cref="FixtureHost.BaseUrl"/>
/// (<see cref="PageUrl"/>). A failing test leaves a Playwright trace and a screenshot in <c>TestResults/</c>,
/// named after the test. The trace records actions, console and network without DOM snapshots, so passing tests
/// cost about what untraced ones do; <c>KAYAKO_HARNESS_TRACE=full</c> adds snapshots, <c>off</c> records none.
/// </summary>
/// <remarks>
/// The browser is Playwright.NUnit's, with Playwright's own settings: the run settings' <c>Playwright</c> section
/// (<c>BrowserName</c>, <c>Headless</c>, <c>LaunchOptions</c>), <c>HEADED=1</c>, <c>BROWSER</c>, and
/// <see cref="BrowserTest.ConnectOptionsAsync"/> for a remote browser. Where they name no executable, no channel and
/// no remote browser, Chromium is Debian's (<see cref="ChromiumLocator"/>: the headless shell when headless), or
/// Playwright's own download when Debian's is not installed. The fixture host is a Playwright.NUnit worker
/// service: one per worker, disposed with the worker.
/// </remarks>
/// <example>
/// <code>
/// public sealed class ChatButtonTests : MessengerPageTest
/// {
///     [Test]
///     public async Task Chat_button_opens_the_messenger()
///     {
///         await Page.GotoAsync(PageUrl("toggle.html"));
///         await Messenger.WaitForReadyAsync();
///         await Page.ClickAsync("#toggle-chat");
///         await Messenger.ShouldBecomeAsync(MessengerVisibility.Maximized);
///     }
/// }
/// </code>
/// </example>
public abstract class MessengerPageTest : PageTest
{
    private FixtureHost? _host;
    private MessengerSession? _session;
    private bool _tracing;

    /// <summary>The messenger in <see cref="PageTest.Page"/>: its state, events and the call log.</summary>
    public MessengerPage Messenger => Session.For(Page);

    /// <summary>The stub installed in this test's context (all its pages share one call log).</summary>
    public MessengerSession Session => _session ?? throw new InvalidOperationException("The messenger stub is installed in [SetUp]; use Session from a test or a later [SetUp].");

    /// <summary>The fixture host serving <see cref="FixtureFolder"/> (or the bundled pages).</summary>
    public FixtureHost Host => _host ?? throw new InvalidOperationException("The fixture host starts in [SetUp]; use Host from a test or a later [SetUp].");

    /// <summary>
    /// The folder of pages to serve; <see langword="null"/> (the default) serves the pages bundled with
    /// Kayako.Harness. Override to test your own pages without a web server.
    /// </summary>
    protected virtual string? FixtureFolder => null;

    /// <summary>The URL of a page on the fixture host, such as <c>PageUrl("toggle.html")</c>.</summary>
    /// <param name="page">The page's path, optionally with a query string.</param>
    /// <returns>The absolute URL.</returns>
    public string PageUrl(string page) => Host.PageUrl(page);

    /// <summary>
    /// Playwright's launch options (the run settings' <c>LaunchOptions</c> and <c>Headless</c>, <c>HEADED=1</c>), with
    /// Debian's Chromium filled in where they name no executable or channel and the test does not connect to a remote
    /// browser (<see cref="BrowserTest.ConnectOptionsAsync"/>, which this calls once more to tell).
    /// </summary>
    /// <returns>The launch options.</returns>
    /// <exception cref="BrowserNotFoundException">The browser asked for is not installed; the message says how to install it.</exception>
    /// <remarks>
    /// Set options in the run settings (<c>&lt;Playwright&gt;&lt;LaunchOptions&gt;&lt;SlowMo&gt;100&lt;/SlowMo&gt;...</c>), or
    /// override this: adjust what it returns, or return options of your own, which are used as they are.
    /// </remarks>
    public override async Task<BrowserTypeLaunchOptions?> LaunchOptionsAsync()
    {
        var fromSettings = await base.LaunchOptionsAsync() ?? PlaywrightSettingsProvider.LaunchOptions;
        var connecting = await ConnectOptionsAsync() is { Item1: not null };
        var browserName = BrowserName ?? PlaywrightSettingsProvider.BrowserName;
        return LaunchOptionsCompletion.Complete(fromSettings, LaunchSituation.FromEnvironment(browserName, BrowserType?.ExecutablePath, connecting));
    }

    /// <summary>
    /// The options the stub is installed with; override to set a token, latency or script URLs, for
    /// example <c>defaults with { Token = Environment.GetEnvironmentVariable("KAYAKO_MESSENGER_TOKEN") }</c>.
    /// </summary>
    /// <param name="defaults"><see cref="MessengerOptions.Default"/>.</param>
    /// <returns>The options to use.</returns>
    protected virtual MessengerOptions ConfigureMessenger(MessengerOptions defaults) => defaults;

    /// <summary>Starts tracing (<c>KAYAKO_HARNESS_TRACE</c>), serves the fixture pages and installs the stub in the fresh context.</summary>
    /// <returns>A task that completes when the context is ready.</returns>
    [SetUp]
    public async Task MessengerSetUpAsync()
    {
        var trace = FailureTrace.Options(Environment.GetEnvironmentVariable(FailureTrace.Variable), TestContext.CurrentContext.Test.FullName);
        _tracing = trace is not null;
        if (trace is not null)
        {
            await Context.Tracing.StartAsync(trace);
        }

        _host = await FixtureHostService.RegisterAsync(this, FixtureFolder is null ? null : Path.GetFullPath(FixtureFolder));
        await _host.AttachAsync(Context);
        _session = await MessengerStub.InstallAsync(Context, ConfigureMessenger(MessengerOptions.Default));
    }

    /// <summary>Keeps a trace and a screenshot of a failed test; keeps nothing of a passed one.</summary>
    /// <returns>A task that completes when the artifacts are written.</returns>
    [TearDown]
    public async Task MessengerTearDownAsync()
    {
        var failed = TestContext.CurrentContext.Result.Outcome.Status is TestStatus.Failed or TestStatus.Warning;
        try
        {
            if (failed)
            {
                await KeepArtifactsAsync();
            }
            else if (_tracing)
            {
                await Context.Tracing.StopAsync();
            }
        }
        finally
        {
            if (_session is not null)
            {
                await _session.DisposeAsync();
            }

            _session = null;
            _host = null;
        }
    }

    private async Task KeepArtifactsAsync()
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        var name = string.Concat(TestContext.CurrentContext.Test.FullName.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        var trace = Path.Combine(folder, name + ".trace.zip");
        var screenshot = Path.Combine(folder, name + ".png");
        if (_tracing)
        {
            await Context.Tracing.StopAsync(new TracingStopOptions { Path = trace });
            TestContext.AddTestAttachment(trace, "Playwright trace: npx playwright show-trace <file>");
        }

        if (!Page.IsClosed)
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            TestContext.AddTestAttachment(screenshot, "The page when the test failed");
        }

        TestContext.Out.WriteLine(Session.CallLog.Describe());
    }
}
