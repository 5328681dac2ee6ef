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

    [Fact]
    public void ABusyPortStopsStartUpWithOneLineNamingTheFix()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var busy = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";

        using var database = new Support.ApiFactory();
        var (exitCode, output) = RunApi($"--Dataset:Path={database.DatabasePath}", urls: $"--urls={busy}");

        Assert.Equal(1, exitCode);
        Assert.Contains($"Cannot start: Failed to bind to address {busy}: address already in use", output, StringComparison.Ordinal);
        Assert.Contains("--urls", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Http:Window=soon", "Http:Window")]
    [InlineData("--GraphQL:MaxNodes=many", "GraphQL:MaxNodes")]
    public void ABadSettingStopsStartUpWithOneLineNamingIt(string argument, string setting)
    {
        var (exitCode, output) = RunApi(argument);

        Assert.Equal(1, exitCode);
        Assert.Contains($"Cannot start: Failed to convert configuration value", output, StringComparison.Ordinal);
        Assert.Contains(setting, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedAddressStopsStartUpNamingTheFix()
    {
        using var database = new Support.ApiFactory();
        var (exitCode, output) = RunApi($"--Dataset:Path={database.DatabasePath}", urls: "--urls=not-an-address");

        Assert.Equal(1, exitCode);
        Assert.Contains("Cannot start: Invalid url: 'not-an-address'", output, StringComparison.Ordinal);
        Assert.Contains("--urls", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) RunApi(string argument, string urls = "--urls=http://127.0.0.1:0")
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Transparency.Api.dll"));
        start.ArgumentList.Add(argument);
        start.ArgumentList.Add(urls);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the API did not stop");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
