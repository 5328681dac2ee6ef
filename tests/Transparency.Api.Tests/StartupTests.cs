using System.Diagnostics;

namespace Transparency.Api.Tests;

/// <summary>Start-up through the real program: a missing or broken database stops it with a message naming the file.</summary>
public sealed class StartupTests
{
    [Fact]
    public void MissingDatabaseStopsStartUpNamingTheFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.db");

        var (exitCode, output) = RunApi($"--Dataset:Path={missing}");

        Assert.Equal(1, exitCode);
        Assert.Contains($"The database {missing} does not exist", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptDatabaseStopsStartUpNamingTheFile()
    {
        var corrupt = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.db");
        File.WriteAllText(corrupt, "this is not a database");
        try
        {
            var (exitCode, output) = RunApi($"--Dataset:Path={corrupt}");

            Assert.Equal(1, exitCode);
            Assert.Contains($"The database {corrupt} cannot be read", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(corrupt);
        }
    }

    private static (int ExitCode, string Output) RunApi(string argument)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Transparency.Api.dll"));
        start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the API did not stop on a bad database");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
