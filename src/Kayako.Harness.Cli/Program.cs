using System.CommandLine;
using Kayako.Harness.Cli;

// SIGINT and SIGTERM: check stops its run and writes what finished (CheckRun); the other verbs end at once.
return await HarnessCommandLine.RunAsync(args, new InvocationConfiguration(), CancellationToken.None);
