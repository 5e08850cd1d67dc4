namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// Checks, before a run starts, that a report file or folder can be written where the user asked: not a folder
/// where a file belongs (or the reverse), not under <c>/proc</c>, <c>/sys</c> or <c>/dev</c>, and in a folder that
/// exists (or can be created) and is writable. Nothing is created; a probe file is written and removed at once.
/// </summary>
internal static class OutputPath
{
    // Kernel file systems: writing there fails, or worse, does something (and /proc could hang the run).
    private static readonly string[] SpecialFolders = ["/proc", "/sys", "/dev"];

    // Ordinary folders inside them.
    private static readonly string[] OrdinaryFolders = ["/dev/shm"];

    /// <summary>What is wrong with writing the file <paramref name="path"/>, or <see langword="null"/>.</summary>
    /// <param name="what">The setting as messages name it: <c>--json</c>, <c>$.report.dir</c>.</param>
    /// <param name="path">The path as given.</param>
    public static string? FileProblem(string what, string path)
    {
        // Never empty: the option's parser refuses that (CheckCommand).
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return $"{what} {path} is a folder; give a file in it, like {what} {Path.Combine(path, "report" + Extension(what))}.";
        }

        return SpecialProblem(what, path, full) ?? WritableProblem(what, path, Path.GetDirectoryName(full) ?? full);
    }

    /// <summary>What is wrong with writing into the folder <paramref name="path"/>, or <see langword="null"/>.</summary>
    /// <param name="what">The setting as messages name it: <c>$.report.dir</c>.</param>
    /// <param name="path">The path as given.</param>
    public static string? FolderProblem(string what, string path)
    {
        if (path.Length == 0)
        {
            return $"{what} is empty; give a folder.";
        }

        var full = Path.GetFullPath(path);
        return File.Exists(full)
            ? $"{what} {path} is a file; give a folder."
            : SpecialProblem(what, path, full) ?? WritableProblem(what, path, full);
    }

    private static string? SpecialProblem(string what, string path, string full)
    {
        // Both the path as written (/dev/stdout) and where its links lead (a link to /proc).
        var special = Special(full) ?? Special(RealPath(full));
        return special is null
            ? null
            : $"{what} {path} is under {special}, which holds no ordinary files; give a path in a folder you can write, like TestResults/.";
    }

    private static string? WritableProblem(string what, string path, string folder)
    {
        // The nearest part of the path that exists must be a writable folder; the rest is created when writing.
        var existing = folder;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                return $"{what} {path} cannot be written: {existing} is a file, not a folder.";
            }

            existing = Path.GetDirectoryName(existing) ?? "/";
        }

        var probe = Path.Combine(existing, $".kayako-harness-probe-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return $"{what} {path} cannot be written: {existing} is not writable ({error.Message}). Give a path in a folder you can write.";
        }
    }

    private static string? Special(string path) =>
        SpecialFolders.FirstOrDefault(folder => IsUnder(path, folder) && !OrdinaryFolders.Any(ordinary => IsUnder(path, ordinary)));

    // The path with every symbolic link of the part that exists resolved, so a link cannot hide /proc.
    private static string RealPath(string full)
    {
        var real = Path.GetPathRoot(full) ?? "/";
        foreach (var part in full[real.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(real, part);
            var info = new FileInfo(next);
            real = info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target ? target.FullName : next;
        }

        return real;
    }

    private static bool IsUnder(string path, string folder) =>
        path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);

    private static string Extension(string what) => what switch
    {
        "--json" => ".json",
        "--junit" => ".xml",
        "--html" => ".html",
        _ => "",
    };
}
