namespace Transparency.Api.Dataset;

/// <summary>Where the served database comes from. The defaults make <c>dotnet run</c> work with no configuration.</summary>
public sealed class DatasetOptions
{
    public const string Section = "Dataset";

    /// <summary>A released SQLite file to serve, read-only. When empty, the app compiles the dataset folder at start-up.</summary>
    public string? Path { get; set; }

    /// <summary>The dataset folder to compile when <see cref="Path"/> is empty. Default: the <c>dataset/</c> folder above the app.</summary>
    public string? Source { get; set; }

    /// <summary>Count every SQL statement run (for tests; it costs a callback per statement).</summary>
    public bool CountStatements { get; set; }

    /// <summary>Where databases compiled at start-up are kept, named by their sources' checksum, so that a restart reuses one.</summary>
    public string CacheFolder { get; set; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "transparency-api");
}
