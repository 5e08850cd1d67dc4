using System.CommandLine;
using System.Globalization;
using Kayako.Harness.Checking;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// <c>devices [TEXT...]</c>: the device names <c>browser.device</c> accepts, from the Playwright driver in use, with what
/// each emulates on Chromium; with TEXT only the names containing it (ignoring case). Exit 0; 1 when none matches.
/// </summary>
internal static class DevicesCommand
{
    public static Command Create()
    {
        var text = new Argument<string[]>("TEXT") { Arity = ArgumentArity.ZeroOrMore, Description = "Only the names containing this text, ignoring case (iphone, \"pixel 7\", galaxy s24)." };
        var command = new Command("devices", "List the device names browser.device accepts (Playwright's device descriptors) and what each emulates.") { text };
        // The words of an unquoted name are one text: devices pixel 7.
        CommandAction.Set(command, (parse, cancellationToken) => ExecuteAsync(
            parse.GetValue(text) is { Length: > 0 } words ? string.Join(' ', words) : null, parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private static async Task<ExitCode> ExecuteAsync(string? text, TextWriter output, CancellationToken cancellationToken)
    {
        var devices = (await PlaywrightDevices.ListAsync(cancellationToken))
            .Where(device => text is null || device.Device!.Contains(text, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (devices.Count == 0)
        {
            await output.WriteLineAsync($"No device name contains \"{text}\"; run kayako-harness devices to list them all.");
            return ExitCode.Findings;
        }

        var width = devices.Max(device => device.Device!.Length);
        await output.WriteLineAsync($"{"Device".PadRight(width)}  Viewport   Scale  Mobile  Touch");
        foreach (var device in devices)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{device.Device!.PadRight(width)}  {device.Viewport,-9}  {device.DeviceScaleFactor,5:0.###}  {(device.IsMobile ? "yes" : "no"),-6}  {(device.HasTouch ? "yes" : "no")}"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{devices.Count} device(s). The browser is Chromium whatever the device: its viewport, screen, scale, user agent, mobile layout and touch are emulated, not its engine."));
        return ExitCode.Ok;
    }
}
