namespace Kayako.Harness.Signing.Contract;

/// <summary>
/// Runs the signature contract: the same inputs through C#, Kayako's PHP example and Kayako's Node example,
/// concurrently, with one PHP and one Node process for the whole batch.
/// </summary>
public static class SignatureContract
{
    /// <summary>Signs every case with all three implementations.</summary>
    /// <param name="cases">The inputs, with their stored signatures when they are vectors.</param>
    /// <param name="options">Which interpreters to run.</param>
    /// <param name="cancellationToken">Stops the run and the interpreters.</param>
    /// <returns>One result per case, in order.</returns>
    /// <exception cref="ReferenceSignerNotFoundException">PHP or Node is not installed.</exception>
    /// <exception cref="ReferenceSignerFailedException">PHP or Node failed on the batch.</exception>
    public static async Task<IReadOnlyList<ContractCaseResult>> RunAsync(
        IReadOnlyList<ContractCase> cases, ContractOptions options, CancellationToken cancellationToken)
    {
        var phpCases = cases.Where(c => c.IncludePhp).Select(c => c.Input).ToList();
        var allInputs = cases.Select(c => c.Input).ToList();

        var php = ReferenceSignerProcess.SignAsync(ReferenceSigner.Php, options.PhpExecutable, phpCases, cancellationToken);
        var node = ReferenceSignerProcess.SignAsync(ReferenceSigner.Node, options.NodeExecutable, allInputs, cancellationToken);
        var csharp = Task.Run(() => allInputs.Select(input => input.Sign()).ToArray(), cancellationToken);
        await Task.WhenAll(php, node, csharp);

        var phpSignatures = await php;
        var nodeSignatures = await node;
        var csharpSignatures = await csharp;
        var results = new ContractCaseResult[cases.Count];
        var phpIndex = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var phpSignature = cases[i].IncludePhp ? phpSignatures[phpIndex++] : null;
            results[i] = new ContractCaseResult(cases[i], csharpSignatures[i], phpSignature, nodeSignatures[i]);
        }

        return results;
    }
}
