using Transparency.Api.Actors;
using Transparency.Api.Dataset;
using Transparency.Api.Vocabularies;

namespace Transparency.Api.Explorer;

/// <summary>
/// What pages show in place of ids (organisation, platform, topic, actor and asset-kind names), and the dataset's
/// version and citation, read once through the API's own queries: the served file never changes while the process runs.
/// </summary>
public sealed class ExplorerCatalog
{
    public ExplorerCatalog(DatasetFile dataset, VocabularyQueries vocabularies, ActorQueries actors, ExplorerQueries explorer, Changes.ChangeQueries changes)
    {
        Organisations = vocabularies.Organisations().ToDictionary(o => o.Id, StringComparer.Ordinal);
        Platforms = vocabularies.Platforms().ToDictionary(p => p.Id, StringComparer.Ordinal);
        Topics = vocabularies.Topics().ToDictionary(t => t.Id, StringComparer.Ordinal);
        Actors = actors.List(null).ToDictionary(a => a.Id, StringComparer.Ordinal);
        AssetKinds = explorer.AssetKindNames();
        Metadata = dataset.Metadata;
        Sha256 = dataset.Sha256;
        FileSize = new FileInfo(dataset.Path).Length;
        Releases = changes.Releases;
    }

    public IReadOnlyDictionary<string, OrganisationDto> Organisations { get; }

    public IReadOnlyDictionary<string, PlatformDto> Platforms { get; }

    public IReadOnlyDictionary<string, TopicDto> Topics { get; }

    public IReadOnlyDictionary<string, ActorSummary> Actors { get; }

    public IReadOnlyDictionary<string, string> AssetKinds { get; }

    /// <summary>The dataset_metadata table: versions, counts, licence, citation.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>SHA-256 of the served file.</summary>
    public string Sha256 { get; }

    /// <summary>Size of the served file, in bytes.</summary>
    public long FileSize { get; }

    /// <summary>Every release, from the index published beside the file (empty for a local build).</summary>
    public IReadOnlyList<Changes.ReleaseDto> Releases { get; }

    public string DataVersion => Metadata.GetValueOrDefault("data_version", "unknown");

    /// <summary>The release this file is, when the releases index lists it.</summary>
    public Changes.ReleaseDto? CurrentRelease => Releases.FirstOrDefault(r => r.Version == DataVersion);

    public string Organisation(string id) => Organisations.TryGetValue(id, out var o) ? o.Name : id;

    public string Platform(string id) => Platforms.TryGetValue(id, out var p) ? p.Name : id;

    public string Topic(string id) => Topics.TryGetValue(id, out var t) ? t.Name : id;

    public string Actor(string id) => Actors.TryGetValue(id, out var a) ? a.Name : id;

    public string AssetKind(string id) => AssetKinds.TryGetValue(id, out var name) ? name : id;

    public static string Country(string code) => CountryNames.Of(code);

    public long Count(string kind) => long.TryParse(Metadata.GetValueOrDefault("count_" + kind), out var count) ? count : 0;
}
