using System.Diagnostics;
using Kayako.Harness.Signing.Contract;
using Shouldly;

namespace Kayako.Harness.Contract.Tests;

/// <summary>The reference signer scripts stop at a bad line with an error that names it.</summary>
public sealed class ReferenceSignerScriptTests
{
    private const string Good = """{"name":"Ann","email":"a@x","token":"k","timestamp":1}""";

    private static IEnumerable<TestCaseData> BadLines()
    {
        foreach (var (signer, interpreter) in new[] { (ReferenceSigner.Php, "php"), (ReferenceSigner.Node, "node") })
        {
            yield return Case(signer, interpreter, "not JSON", "{oops", "line 2: not valid JSON");
            yield return Case(signer, interpreter, "string timestamp", """{"name":"Ann","email":"a@x","token":"k","timestamp":"1"}""", "line 2: \"timestamp\" is missing or not an integer");
            yield return Case(signer, interpreter, "fractional timestamp", """{"name":"Ann","email":"a@x","token":"k","timestamp":1.5}""", "line 2: \"timestamp\" is missing or not an integer");
            yield return Case(signer, interpreter, "missing email", """{"name":"Ann","token":"k","timestamp":1}""", "line 2: \"email\" is missing or not a string");
            yield return Case(signer, interpreter, "empty line", "", "line 2: the line is empty");
        }

        static TestCaseData Case(ReferenceSigner signer, string interpreter, string name, string line, string expected) =>
            new TestCaseData(signer.Script, interpreter, line, expected).SetName($"A_bad_line_stops_the_signer_and_is_named({signer.Name}, {name})");
    }

    [TestCaseSource(nameof(BadLines))]
    public async Task A_bad_line_stops_the_signer_and_is_named(string script, string interpreter, string badLine, string expected)
    {
        var signer = script == ReferenceSigner.Php.Script ? ReferenceSigner.Php : ReferenceSigner.Node;
        var start = new ProcessStartInfo(interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(ReferenceScripts.PathFor(signer));
        using var process = Process.Start(start)!;

        await process.StandardInput.WriteAsync($"{Good}\n{badLine}\n{Good}\n");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.ShouldBe(2);
        (await error).ShouldStartWith($"{script}: {expected}");
        (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1, "the line before the bad one is signed and written");
    }
}
