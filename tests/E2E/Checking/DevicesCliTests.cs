using System.Diagnostics;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Checking;

/// <summary><c>devices</c> lists Playwright's device names; <c>check</c> refuses one it does not know with exit 2.</summary>
public sealed class DevicesCliTests
{
    [Test]
    public async Task Devices_lists_the_names_playwright_knows_containing_the_words_given_with_what_each_emulates()
    {
        var (exit, output, error) = await RunAsync(null, "devices", "iphone", "13");

        exit.ShouldBe(0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldStartWith("Device");
        lines.ShouldContain(line => line.StartsWith("iPhone 13 ", StringComparison.Ordinal) && line.Contains("390×664", StringComparison.Ordinal) && line.EndsWith("yes", StringComparison.Ordinal));
        lines.ShouldContain(line => line.StartsWith("iPhone 13 landscape ", StringComparison.Ordinal));
        lines.ShouldAllBe(line => !line.StartsWith("Pixel", StringComparison.Ordinal));
        lines[^1].ShouldContain("The browser is Chromium whatever the device");
    }

    [Test]
    public async Task Devices_with_text_no_name_contains_exits_1_and_says_so()
    {
        var (exit, output, _) = await RunAsync(null, "devices", "Nokia 3310");

        exit.ShouldBe(1);
        output.ShouldContain("No device name contains \"Nokia 3310\"");
    }

    [Test]
    public async Task Check_refuses_an_unknown_device_with_exit_2_naming_the_file_the_path_and_the_closest_names()
    {
        var folder = Directory.CreateTempSubdirectory("devices-cli-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "phone.json"),
                """{ "browser": { "device": "iPhone 13 Pro Maxx" }, "sites": [ { "name": "a", "url": "https://staging.example.com/" } ] }""");

            var (exit, output, error) = await RunAsync(folder, "check", "--config", "phone.json");

            exit.ShouldBe(2, output + error);
            error.ShouldContain("phone.json has 1 problem:");
            error.ShouldContain("$.browser.device: \"iPhone 13 Pro Maxx\" is not one of the ");
            error.ShouldContain("the closest are \"iPhone 13 Pro Max\"");
            error.ShouldContain("List them all with: kayako-harness devices");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string? folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "kayako-harness.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder ?? AppContext.BaseDirectory,
        };
        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
