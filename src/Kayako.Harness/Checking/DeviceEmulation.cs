using Kayako.Harness.Configuration;
using Microsoft.Playwright;

namespace Kayako.Harness.Checking;

/// <summary>
/// Turns the configuration's emulation (<see cref="BrowserOptions.Emulation"/>, each site's <see cref="SiteDefinition.Emulation"/>)
/// into what each context is opened with, using the device descriptors the Playwright driver supplies
/// (<see cref="IPlaywright.Devices"/>), so the names and their settings are always those of the Playwright in use.
/// Layered as Playwright Test layers <c>use</c>: the configuration's device, its explicit keys, the site's device, the
/// site's explicit keys; a later one wins. Only the device's context settings are applied (viewport, screen, user agent,
/// scale, mobile, touch): the run's browser is Chromium whatever the descriptor's default browser is.
/// </summary>
internal sealed class DeviceEmulation
{
    private readonly IReadOnlyDictionary<string, BrowserNewContextOptions> devices;

    private DeviceEmulation(IReadOnlyDictionary<string, BrowserNewContextOptions> devices, EmulationSettings configured)
    {
        this.devices = devices;
        Run = Layer(SiteEmulation.Desktop, configured);
    }

    /// <summary>Nothing configured, nothing resolved: every site is a desktop Chromium.</summary>
    public static DeviceEmulation Desktop { get; } = new(new Dictionary<string, BrowserNewContextOptions>(), EmulationSettings.None);

    /// <summary>The configuration's own emulation: the set-up and a crawl's discovery run as it.</summary>
    public SiteEmulation Run { get; }

    /// <summary>Checks every device name against Playwright's descriptors.</summary>
    /// <exception cref="ConfigurationException">A device name Playwright does not know; each is named with its JSON path and the closest known names.</exception>
    public static DeviceEmulation Resolve(HarnessConfiguration configuration, IReadOnlyDictionary<string, BrowserNewContextOptions> devices)
    {
        var problems = new List<ConfigurationProblem>();
        foreach (var settings in Settings(configuration))
        {
            if (settings.Device is { } name && !devices.ContainsKey(name))
            {
                problems.Add(new ConfigurationProblem(settings.JsonPath + ".device", DeviceNames.Unknown(name, devices.Keys)));
            }
        }

        return problems.Count == 0
            ? new DeviceEmulation(devices, configuration.Browser.Emulation)
            : throw new ConfigurationException(configuration.Source ?? "the configuration", problems);
    }

    /// <summary>What <paramref name="site"/> runs as.</summary>
    public SiteEmulation For(SiteDefinition site) => site.Emulation is { } own ? Layer(Run, own) : Run;

    /// <summary>Sets <paramref name="emulation"/> on context options.</summary>
    public static BrowserNewContextOptions Apply(SiteEmulation emulation, BrowserNewContextOptions options)
    {
        options.ViewportSize = new ViewportSize { Width = emulation.Viewport.Width, Height = emulation.Viewport.Height };
        options.ScreenSize = emulation.Screen is { } screen ? new ScreenSize { Width = screen.Width, Height = screen.Height } : null;
        options.DeviceScaleFactor = (float)emulation.DeviceScaleFactor;
        options.IsMobile = emulation.IsMobile;
        options.HasTouch = emulation.HasTouch;
        options.UserAgent = emulation.UserAgent;
        options.Locale = emulation.Locale;
        options.TimezoneId = emulation.TimezoneId;
        options.ColorScheme = emulation.ColorScheme switch
        {
            "light" => ColorScheme.Light,
            "dark" => ColorScheme.Dark,
            "no-preference" => ColorScheme.NoPreference,
            _ => null,
        };
        return options;
    }

    /// <summary>
    /// Asks the browser whether it accepts every time zone and locale given: Chromium (its ICU) is the authority, and it
    /// refuses an unknown one only when a page opens. One small context per value, before any site runs.
    /// </summary>
    /// <exception cref="ConfigurationException">A time zone or locale Chromium refused; each is named with its JSON path and the sites it applies to.</exception>
    public static async Task CheckWithBrowserAsync(IBrowser browser, HarnessConfiguration configuration, CancellationToken cancellationToken)
    {
        var problems = new List<ConfigurationProblem>();
        var answers = new Dictionary<(string Key, string Value), string?>();
        async Task<string?> Refused(string key, string value, BrowserNewContextOptions options)
        {
            if (!answers.TryGetValue((key, value), out var answer))
            {
                answers[(key, value)] = answer = await RefusedAsync(browser, options, cancellationToken);
            }

            return answer;
        }

        foreach (var settings in Settings(configuration))
        {
            var users = Users(configuration, settings);
            if (settings.TimezoneId is { } zone && await Refused("timezoneId", zone, new BrowserNewContextOptions { TimezoneId = zone }) is { } refusal)
            {
                problems.Add(new ConfigurationProblem(settings.JsonPath + ".timezoneId",
                    $"\"{zone}\" ({users}) is a time zone Chromium does not know (it said: {refusal}); give an IANA name like \"Europe/Berlin\", \"America/New_York\" or \"UTC\"."));
            }

            if (settings.Locale is { } locale && await Refused("locale", locale, new BrowserNewContextOptions { Locale = locale }) is { } refused)
            {
                problems.Add(new ConfigurationProblem(settings.JsonPath + ".locale",
                    $"\"{locale}\" ({users}) is a locale Chromium does not accept (it said: {refused}); give a language tag like \"de-DE\" or \"en-GB\"."));
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException(configuration.Source ?? "the configuration", problems);
        }
    }

    // Every place emulation is written: the browser section, then each site's own object.
    private static IEnumerable<EmulationSettings> Settings(HarnessConfiguration configuration) =>
        configuration.Sites.Select(site => site.Emulation).OfType<EmulationSettings>().Prepend(configuration.Browser.Emulation);

    // Which sites a setting applies to, for messages.
    private static string Users(HarnessConfiguration configuration, EmulationSettings settings)
    {
        if (configuration.Sites.FirstOrDefault(site => site.Emulation?.JsonPath == settings.JsonPath) is { } site)
        {
            return "site " + site.Name;
        }

        return "every site that does not set its own" + (configuration.Setup is null ? "" : ", and the set-up");
    }

    // What Chromium said when a page opened with the option, or null when it took it.
    private static async Task<string?> RefusedAsync(IBrowser browser, BrowserNewContextOptions options, CancellationToken cancellationToken)
    {
        IBrowserContext? context = null;
        try
        {
            context = await browser.NewContextAsync(options).WaitAsync(cancellationToken);
            await context.NewPageAsync().WaitAsync(cancellationToken);
            return null;
        }
        catch (PlaywrightException error)
        {
            return error.Message.Split('\n', 2)[0].Trim();
        }
        finally
        {
            if (context is not null)
            {
                await context.CloseAsync();
            }
        }
    }

    /// <summary>What a Playwright device descriptor emulates on Chromium.</summary>
    public static SiteEmulation Of(string name, BrowserNewContextOptions device) => new()
    {
        Device = name,
        Viewport = device.ViewportSize is { } viewport ? new Viewport(viewport.Width, viewport.Height) : Viewport.Desktop,
        Screen = device.ScreenSize is { } screen ? new Viewport(screen.Width, screen.Height) : null,
        DeviceScaleFactor = device.DeviceScaleFactor ?? 1,
        IsMobile = device.IsMobile ?? false,
        HasTouch = device.HasTouch ?? false,
        UserAgent = device.UserAgent,
        Locale = device.Locale,
        TimezoneId = device.TimezoneId,
    };

    private SiteEmulation Layer(SiteEmulation under, EmulationSettings settings)
    {
        var emulation = under;
        if (settings.Device is { } name)
        {
            // A device replaces everything a device decides, whatever was under it (as spreading devices['…'] does).
            var device = devices.TryGetValue(name, out var descriptor)
                ? Of(name, descriptor)
                : throw new InvalidOperationException($"The device \"{name}\" was not resolved before the run.");
            emulation = device with { Locale = device.Locale ?? emulation.Locale, TimezoneId = device.TimezoneId ?? emulation.TimezoneId, ColorScheme = emulation.ColorScheme };
        }

        return emulation with
        {
            Viewport = settings.Viewport ?? emulation.Viewport,
            Locale = settings.Locale ?? emulation.Locale,
            TimezoneId = settings.TimezoneId ?? emulation.TimezoneId,
            ColorScheme = settings.ColorScheme ?? emulation.ColorScheme,
        };
    }
}
