using System.CommandLine;

namespace Kayako.Harness.Cli.Commands;

/// <summary>Every verb of <c>kayako-harness</c>, in the order the help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return CheckCommand.Create();
        yield return MergeCommand.Create();
        yield return DevicesCommand.Create();
        yield return DiagnoseCommand.Create();
        yield return SignCommand.Create();
        yield return VerifyCommand.Create();
        yield return ContractCommand.Create();
    }
}
