using System.Globalization;
using System.Text.Json;
using Dapper;
using Transparency.Api.Dataset;

namespace Transparency.Api.Changes;

/// <summary>One operation that changed since a point in time.</summary>
/// <param name="Id">The operation id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Change">added (first published since), changed, withdrawn or merged.</param>
/// <param name="Status">active, withdrawn or merged.</param>
/// <param name="MergedInto">For a merged record, its successor.</param>
/// <param name="Published">When the record was first published (UTC).</param>
/// <param name="Modified">When it last changed (UTC).</param>
public sealed record ChangeDto(string Id, string Name, string Change, string Status, string? MergedInto, string? Published, string? Modified);

/// <summary>What changed in the served data since a release or a time, for incremental sync.</summary>
/// <param name="Since">The point in time compared against (UTC).</param>
/// <param name="SinceVersion">The release that point belongs to, when a version was asked for.</param>
/// <param name="Until">When the served data was built (UTC).</param>
/// <param name="DataVersion">The served data version.</param>
/// <param name="Operations">The operations that changed, oldest change first.</param>
public sealed record ChangesDto(string Since, string? SinceVersion, string Until, string DataVersion, IReadOnlyList<ChangeDto> Operations);

/// <summary>A release listed in the index.json beside the served file.</summary>
/// <param name="Version">The data version.</param>
/// <param name="Date">The release date.</param>
/// <param name="BuiltAt">The time of the commit it was built from (UTC).</param>
/// <param name="Sha256">The SHA-256 of its database.</param>
public sealed record ReleaseDto(string Version, string? Date, string? BuiltAt, string? Sha256);

/// <summary>
/// Changes come from each record's <c>published</c> and <c>modified</c> dates (stamped from git history at build
/// time); a release version is turned into its build time through the releases index published beside the file.
/// </summary>
public sealed class ChangeQueries(DatasetFile dataset)
{
    private readonly Lazy<IReadOnlyList<ReleaseDto>> _releases = new(() => ReadReleases(dataset.Path));

    public IReadOnlyList<ReleaseDto> Releases => _releases.Value;

    /// <summary>Null when <paramref name="since"/> is neither a known version nor a date.</summary>
    public ChangesDto? Since(string since)
    {
        var release = Releases.FirstOrDefault(r => r.Version == since);
        string? from = release?.BuiltAt is { } builtAt ? Utc(builtAt) : null;
        if (from is null && release is null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return null;
            }
            from = date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }
        if (from is null)
        {
            return null;
        }
        using var connection = dataset.OpenConnection();
        var rows = connection.Query<(string Id, string Name, string Status, string? MergedInto, string? Published, string? Modified)>("""
            SELECT id, name, status, merged_into, published, modified FROM operations
            WHERE modified > @from ORDER BY modified, id
            """, new { from });
        var changes = rows.Select(r => new ChangeDto(r.Id, r.Name,
            r.Status != "active" ? r.Status : string.CompareOrdinal(r.Published, from) > 0 ? "added" : "changed",
            r.Status, r.MergedInto, r.Published, r.Modified)).ToList();
        return new ChangesDto(from, release?.Version, Utc(dataset.Metadata["built_at"]) ?? dataset.Metadata["built_at"], dataset.Metadata["data_version"], changes);
    }

    private static string? Utc(string timestamp) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : null;

    private static List<ReleaseDto> ReadReleases(string databasePath)
    {
        var index = Path.Combine(Path.GetDirectoryName(databasePath)!, "index.json");
        if (!File.Exists(index))
        {
            return [];
        }
        using var json = JsonDocument.Parse(File.ReadAllText(index));
        string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        return [.. json.RootElement.GetProperty("releases").EnumerateArray()
            .Select(r => new ReleaseDto(Text(r, "version") ?? "", Text(r, "date"), Text(r, "builtAt"), Text(r, "sha256")))];
    }
}
