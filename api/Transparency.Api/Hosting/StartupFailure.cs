namespace Transparency.Api.Hosting;

/// <summary>
/// A server that cannot start (its port is taken, a setting cannot be read) says so in one line that names the
/// problem and the fix, and exits with 1: no stack trace, no crash dump.
/// </summary>
public static class StartupFailure
{
    public const int ExitCode = 1;

    private static int _installed;

    /// <summary>
    /// Turns any exception that escapes start-up into one line on standard error and exit code 1, and silences the
    /// host's own log of the failure (category Microsoft.Extensions.Hosting.Internal.Host), which carries the stack trace.
    /// </summary>
    public static void ExitWithOneLine(WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        if (Interlocked.Exchange(ref _installed, 1) == 1)
        {
            return;
        }
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            Console.Error.WriteLine(Explain(e.ExceptionObject as Exception));
            Console.Error.Flush();
            Environment.Exit(ExitCode);
        };
    }

    public static string Explain(Exception? exception)
    {
        var chain = new List<Exception>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            chain.Add(e);
        }
        if (chain.OfType<IOException>().FirstOrDefault(e => e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)) is { } busy)
        {
            return $"Cannot start: {busy.Message.TrimEnd('.')}: another program is using that port. Choose another with --urls, e.g. --urls http://localhost:5080 (or set ASPNETCORE_URLS).";
        }
        if (chain.OfType<InvalidOperationException>().FirstOrDefault(e => e.Message.Contains("configuration value", StringComparison.OrdinalIgnoreCase)) is { } setting)
        {
            return $"Cannot start: {setting.Message} {setting.InnerException?.Message} Fix it in appsettings.json, the environment or the command line (e.g. --Http:Window=00:01:00); docs/api.md lists every setting.";
        }
        if (chain.FirstOrDefault(e => e.StackTrace?.Contains("AddressBinder", StringComparison.Ordinal) == true) is { } address)
        {
            return $"Cannot start: {address.Message.TrimEnd('.')}. Give the address to listen on with --urls, e.g. --urls http://localhost:5080.";
        }
        var last = chain.LastOrDefault();
        return last is null ? "Cannot start: an unknown error." : $"Cannot start: {last.Message} ({last.GetType().Name}).";
    }
}
