using System.CommandLine;
using Kayako.Harness.Cli;

// System.CommandLine cancels the running verb's token on Ctrl+C itself.
return await HarnessCommandLine.RunAsync(args, new InvocationConfiguration(), CancellationToken.None);
