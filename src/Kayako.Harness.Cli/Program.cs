using System.CommandLine;
using Kayako.Harness.Cli.Commands;

var root = new RootCommand("Checks Kayako Messenger integrations in a real browser and keeps identity signatures byte-identical across C#, PHP and Node.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
