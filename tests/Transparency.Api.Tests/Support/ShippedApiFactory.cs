using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Transparency.Dataset;

namespace Transparency.Api.Tests.Support;

/// <summary>The API over the shipped dataset (dataset/ at the repository root), for behaviour that needs real records, such as search ranking.</summary>
public sealed class ShippedApiFactory : WebApplicationFactory<Program>
{
    public ShippedApiFactory()
    {
        DatabasePath = Path.Combine(Path.GetTempPath(), "transparency-api-tests", $"{Guid.NewGuid():N}.db");
        var (result, info) = Compiler.Build(Path.Combine(RepositoryRoot, "dataset"), DateOnly.FromDateTime(DateTime.UtcNow), DatabasePath, "0.0.0-test");
        if (info is null)
        {
            throw new InvalidOperationException($"the shipped dataset does not compile: {string.Join("; ", result.Diagnostics.Select(d => d.Message))}");
        }
    }

    public string DatabasePath { get; }

    /// <summary>The checkout the tests were built from.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Transparency.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new InvalidOperationException("no Transparency.sln above the test binaries");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Dataset:Path", DatabasePath);
        builder.UseEnvironment("Testing");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(DatabasePath);
    }
}
