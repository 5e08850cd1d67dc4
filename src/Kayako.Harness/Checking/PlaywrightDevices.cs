using Microsoft.Playwright;

namespace Kayako.Harness.Checking;

/// <summary>
/// The device names <c>browser.device</c> accepts, with what each emulates: the descriptors of the Playwright
/// driver in use (<see cref="IPlaywright.Devices"/>), never a copied table, so they follow Playwright's releases.
/// </summary>
public static class PlaywrightDevices
{
    /// <summary>Starts the Playwright driver (no browser) and reads its device descriptors.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>Each device as a site running on it would be emulated, in Playwright's order.</returns>
    public static async Task<IReadOnlyList<SiteEmulation>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var playwright = await Playwright.CreateAsync().WaitAsync(cancellationToken);
        return [.. playwright.Devices.Select(device => DeviceEmulation.Of(device.Key, device.Value))];
    }
}
