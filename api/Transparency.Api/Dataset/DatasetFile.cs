using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Transparency.Dataset;
using Transparency.Dataset.Build;
using Transparency.Dataset.Loading;

namespace Transparency.Api.Dataset;

/// <summary>
/// The one SQLite file this process serves, opened read-only. It never changes while the process runs, so
/// its metadata and checksum are read once, and connections open it as immutable (no locking, no change checks).
/// </summary>
public sealed class DatasetFile
{
    private DatasetFile(string path, IReadOnlyDictionary<string, string> metadata, string sha256)
    {
        Path = path;
        Metadata = metadata;
        Sha256 = sha256;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = new Uri(path).AbsoluteUri + "?immutable=1",
            Mode = SqliteOpenMode.ReadOnly,
        }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>The dataset_metadata table: versions, source commit, counts, licence.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>SHA-256 of the file, hex.</summary>
    public string Sha256 { get; }

    /// <summary>When set, every SQL statement run is counted in <see cref="StatementsRun"/> (tests use it to prove batching).</summary>
    public bool CountStatements { get; set; }

    /// <summary>How many SQL statements have run, while <see cref="CountStatements"/> was on.</summary>
    public long StatementsRun => Interlocked.Read(ref _statementsRun);

    private long _statementsRun;

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        if (CountStatements)
        {
            SQLitePCL.raw.sqlite3_trace(connection.Handle, (SQLitePCL.strdelegate_trace)((_, _) => Interlocked.Increment(ref _statementsRun)), null);
        }
        return connection;
    }

    /// <summary>Opens the configured release, or compiles the dataset folder (reusing an earlier compile of the same sources).</summary>
    public static DatasetFile Open(DatasetOptions options, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            return OpenFile(System.IO.Path.GetFullPath(options.Path), options.CountStatements);
        }
        var source = options.Source is { Length: > 0 } configured ? System.IO.Path.GetFullPath(configured) : FindDatasetFolder();
        var cached = System.IO.Path.Combine(options.CacheFolder, $"transparency-{SourceChecksum(source)[..16]}.db");
        if (File.Exists(cached))
        {
            logger.LogInformation("Serving {Database}, compiled earlier from {Source}", cached, source);
            return OpenFile(cached);
        }
        logger.LogInformation("Compiling {Source} into {Database}", source, cached);
        var (result, info) = Compiler.Build(source, DateOnly.FromDateTime(DateTime.UtcNow), cached, "0.0.0-dev");
        if (info is null)
        {
            var first = result.Diagnostics.Where(d => d.Severity == Transparency.Dataset.Validation.Severity.Error).Take(5)
                .Select(d => $"  {d.File}:{d.At.Line}:{d.At.Column}: {d.Rule.Code}: {d.Message}");
            throw new DatasetUnavailableException(
                $"The dataset in {source} has {result.ErrorCount} error(s), so there is nothing to serve:\n{string.Join('\n', first)}\n" +
                "Run `dotnet run --project dataset/Transparency.Dataset -- validate` for all of them with hints.");
        }
        return OpenFile(cached);
    }

    private static DatasetFile OpenFile(string path, bool countStatements = false)
    {
        if (!File.Exists(path))
        {
            throw new DatasetUnavailableException($"The database {path} does not exist. Set Dataset:Path to a Transparency SQLite file, or leave it empty to compile dataset/.");
        }
        try
        {
            string sha256;
            using (var stream = File.OpenRead(path))
            {
                sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
            }
            var file = new DatasetFile(path, new Dictionary<string, string>(), sha256);
            using var connection = file.OpenConnection();
            var check = connection.ExecuteScalar<string>("PRAGMA quick_check");
            if (check != "ok")
            {
                throw new DatasetUnavailableException($"The database {path} is damaged (quick_check: {check}).");
            }
            var metadata = connection.Query<(string Key, string Value)>("SELECT key, value FROM dataset_metadata").ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
            if (!metadata.TryGetValue("schema_version", out var version) || !version.StartsWith(SqliteBuilder.SchemaVersion.Split('.')[0] + ".", StringComparison.Ordinal))
            {
                throw new DatasetUnavailableException($"The database {path} has schema version {version ?? "none"}; this API serves {SqliteBuilder.SchemaVersion.Split('.')[0]}.x.");
            }
            return new DatasetFile(path, metadata, sha256) { CountStatements = countStatements };
        }
        catch (SqliteException e)
        {
            throw new DatasetUnavailableException($"The database {path} cannot be read as a Transparency SQLite file: {e.Message}", e);
        }
    }

    /// <summary>A key for the compiled cache: the compiler's build and every data file's path and bytes.</summary>
    private static string SourceChecksum(string source)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(typeof(Compiler).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        foreach (var file in DatasetReader.Discover(source).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(System.IO.Path.GetRelativePath(source, file) + "\0"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string FindDatasetFolder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = System.IO.Path.Combine(folder.FullName, "dataset");
                if (Directory.Exists(System.IO.Path.Combine(candidate, "operations")))
                {
                    return candidate;
                }
            }
        }
        throw new DatasetUnavailableException("No dataset/ folder was found above the app, and Dataset:Path is not set. Run from the repository, or point Dataset:Path at a released SQLite file.");
    }
}

public static class DatasetServices
{
    /// <summary>Binds <see cref="DatasetOptions"/> and registers the served file, opened on first use (Program opens it at start-up).</summary>
    public static IServiceCollection AddDatasetFile(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatasetOptions>(configuration.GetSection(DatasetOptions.Section));
        services.AddSingleton(provider => DatasetFile.Open(
            provider.GetRequiredService<IOptions<DatasetOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<DatasetFile>()));
        return services;
    }
}
