using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Transparency.Dataset;

namespace Transparency.Api.Tests.Support;

/// <summary>
/// The API over a database compiled from the fixture tree, fresh for each test class (xunit's class fixture),
/// through the real Program and its real configuration key Dataset:Path.
/// </summary>
public sealed class ApiFactory : ApiFactoryBase;

/// <summary>The shared set-up; subclasses add settings.</summary>
public class ApiFactoryBase : WebApplicationFactory<Program>
{
    public ApiFactoryBase()
    {
        DatabasePath = Path.Combine(Path.GetTempPath(), "transparency-api-tests", $"{Guid.NewGuid():N}.db");
        var (result, info) = Compiler.Build(Path.Combine(AppContext.BaseDirectory, "Fixtures", "valid"), DateOnly.FromDateTime(DateTime.UtcNow), DatabasePath, "1.2.3-test");
        if (info is null)
        {
            throw new InvalidOperationException($"the fixture does not compile: {string.Join("; ", result.Diagnostics.Select(d => d.Message))}");
        }
    }

    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Dataset:Path", DatabasePath);
        builder.UseSetting("Dataset:CountStatements", "true");
        builder.UseEnvironment("Testing");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(DatabasePath);
    }
}
