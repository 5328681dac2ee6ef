using Transparency.Api.Dataset;
using Transparency.Api.Operations;

namespace Transparency.Api.Hosting;

/// <summary>
/// Reads the database and every record in the background while the host starts (half a second of work that used to
/// come before the server even began to listen), and holds every request, the health probe included, until it is
/// done: the server answers nothing it could not answer from the whole dataset. A missing or broken file stops the
/// process with one line naming it, as before.
/// </summary>
public sealed class DatasetLoading(IServiceProvider services)
{
    private Task _loaded = Task.CompletedTask;

    /// <summary>Opens (or compiles) the file and reads the vocabularies and the records, side by side.</summary>
    public void Start() => _loaded = Task.WhenAll(
        Task.Run(services.GetRequiredService<Vocabulary>),
        Task.Run(services.GetRequiredService<OperationQueries>));

    /// <summary>Middleware: a request that comes before the records are read waits for them (and gets a 503 if they cannot be).</summary>
    public Task Gate(HttpContext context, RequestDelegate next) =>
        _loaded.IsCompletedSuccessfully ? next(context) : WaitThenServe(context, next);

    private async Task WaitThenServe(HttpContext context, RequestDelegate next)
    {
        try
        {
            await _loaded.WaitAsync(context.RequestAborted);
        }
        catch (Exception) when (_loaded.IsFaulted)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        await next(context);
    }

    /// <summary>Waits for the records; when they cannot be read, says why in one line and returns false.</summary>
    public async Task<bool> Succeeded(ILogger logger)
    {
        try
        {
            await _loaded;
            return true;
        }
        catch (DatasetUnavailableException e)
        {
            logger.LogCritical("{Message}", e.Message);
            Console.Error.WriteLine(e.Message);
            return false;
        }
    }
}
