using System.Globalization;

namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// Keeps the screenshot of each failed step as a file, <c>report.dir/screenshots/&lt;site&gt;-&lt;hash&gt;-step-N.png</c>,
/// so the JSON report can name it and <c>merge</c> can put it in the merged HTML report. A screenshot is in a result
/// only when the token was not seen on the site (<c>SiteRunner</c> drops it otherwise), so nothing here can hold it.
/// </summary>
internal static class ScreenshotFiles
{
    /// <summary>Writes the site's screenshots and records where each went; one that cannot be written is a note, never a lost finding.</summary>
    public static SiteResult Keep(SiteResult site, string reportDir, Signing.TokenRedactor redactor)
    {
        if (site.Steps.All(s => s.Screenshot is null))
        {
            return site;
        }

        var notes = site.Notes.ToList();
        var steps = site.Steps.Select(step =>
        {
            if (step.Screenshot is not { } png)
            {
                return step;
            }

            var path = Path.GetFullPath(Path.Combine(reportDir, "screenshots",
                string.Create(CultureInfo.InvariantCulture, $"{SiteRunner.FileName(site.Name)}-step-{step.Step.Index}.png")));
            try
            {
                AtomicFile.Write(path, stream => stream.Write(png.Span));
                return step with { ScreenshotPath = Recorded(path) };
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                notes.Add(redactor.Redact(string.Create(CultureInfo.InvariantCulture,
                    $"The screenshot of step {step.Step.Index} could not be kept in {path} ({error.Message.Split('\n', 2)[0].Trim()}); the HTML report of this run still shows it, a merged one cannot.")));
                return step;
            }
        }).ToList();
        return site with { Steps = steps, Notes = notes };
    }

    /// <summary>
    /// The path as reports record it: relative to the working folder when under it (the default <c>report.dir</c>), so
    /// a CI job that lays the shards' report folders out where the shards had them finds the files; absolute otherwise.
    /// </summary>
    private static string Recorded(string full)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    /// <summary>
    /// The PNG a step's screenshot path names (relative paths against the working folder), or <see langword="null"/>
    /// when the file is not there or cannot be read.
    /// </summary>
    public static byte[]? TryRead(string path)
    {
        try
        {
            return File.ReadAllBytes(Path.GetFullPath(path));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
