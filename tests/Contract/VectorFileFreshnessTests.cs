using System.Diagnostics;
using Shouldly;

namespace Kayako.Harness.Contract.Tests;

/// <summary>vectors.json is exactly what the PHP and Node reference signers give for vector-inputs.js.</summary>
public sealed class VectorFileFreshnessTests
{
    [Test]
    public async Task The_vectors_file_is_regenerated_from_its_inputs()
    {
        var generator = Path.Combine(Path.GetDirectoryName(StoredVectors.Path)!, "regenerate-vectors.js");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(generator);
        start.ArgumentList.Add("--check");
        using var process = Process.Start(start)!;

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.ShouldBe(0, await output + await error);
    }
}
