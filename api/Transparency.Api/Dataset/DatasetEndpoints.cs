using Microsoft.AspNetCore.Http.HttpResults;
using Transparency.Api.Http;

namespace Transparency.Api.Dataset;

/// <summary>What is being served: versions, provenance, counts, checksum, licence.</summary>
/// <param name="SchemaVersion">SemVer of the SQLite schema.</param>
/// <param name="DataVersion">The data release.</param>
/// <param name="SourceCommit">The git commit the database was built from (+dirty when the data had uncommitted changes).</param>
/// <param name="BuiltAt">The commit's time, which stands in for the build time so that builds are reproducible.</param>
/// <param name="InputSha256">SHA-256 over every data file's path and bytes.</param>
/// <param name="Sha256">SHA-256 of the SQLite file served by /v1/dataset/download.</param>
/// <param name="Counts">Records by kind.</param>
/// <param name="Licence">The data's licence (SPDX id).</param>
/// <param name="LicenceUrl">The licence's text.</param>
/// <param name="Citation">How to cite the dataset.</param>
/// <param name="Releases">Every release, from the index.json published beside the file (empty for a local build).</param>
public sealed record DatasetInfo(
    string SchemaVersion,
    string DataVersion,
    string SourceCommit,
    string BuiltAt,
    string InputSha256,
    string Sha256,
    IReadOnlyDictionary<string, long> Counts,
    string Licence,
    string LicenceUrl,
    string Citation,
    IReadOnlyList<Changes.ReleaseDto> Releases)
{
    /// <summary>What the file's metadata and the published release index say about the data served.</summary>
    public static DatasetInfo Of(DatasetFile dataset, IReadOnlyList<Changes.ReleaseDto> releases)
    {
        var m = dataset.Metadata;
        var counts = m.Where(p => p.Key.StartsWith("count_", StringComparison.Ordinal))
            .ToDictionary(p => p.Key["count_".Length..], p => long.Parse(p.Value, System.Globalization.CultureInfo.InvariantCulture));
        return new DatasetInfo(m["schema_version"], m["data_version"], m["source_commit"], m["built_at"], m["input_sha256"], dataset.Sha256,
            counts, m["licence"], m["licence_url"], m["citation"], releases);
    }
}

public static class DatasetEndpoints
{
    public static RouteGroupBuilder MapDataset(this RouteGroupBuilder api)
    {
        api.MapGet("/dataset", GetDataset).WithTags("Dataset").WithName("GetDataset")
            .WithSummary("The version, provenance, record counts, SHA-256 and licence of the database served")
            .RejectQueryParameters();
        api.MapGet("/dataset/download", Download).WithTags("Dataset").WithName("DownloadDataset")
            .WithSummary("The SQLite file itself; check it against the sha256 of /v1/dataset")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.sqlite3")
            .RejectQueryParameters();
        return api;
    }

    public static PhysicalFileHttpResult Download(DatasetFile dataset) =>
        TypedResults.PhysicalFile(dataset.Path, "application/vnd.sqlite3", $"transparency-{dataset.Metadata["data_version"]}.db", enableRangeProcessing: true);

    public static Ok<DatasetInfo> GetDataset(DatasetFile dataset, Changes.ChangeQueries changes) => TypedResults.Ok(DatasetInfo.Of(dataset, changes.Releases));
}
