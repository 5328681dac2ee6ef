using Transparency.Dataset.Cli;

namespace Transparency.Dataset.Tests.Support;

/// <summary>What one run of the command-line program printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the compiler's command line in-process, through the same entry point as Program.cs.</summary>
public static class CompilerCli
{
    public static CliRun Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CommandLine.Run(args, output, error);
        return new CliRun(exitCode, output.ToString().Replace("\r\n", "\n"), error.ToString().Replace("\r\n", "\n"));
    }
}
