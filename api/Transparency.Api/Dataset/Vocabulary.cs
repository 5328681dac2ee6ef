using Dapper;

namespace Transparency.Api.Dataset;

/// <summary>The ids every filter is checked against, read once: the served file never changes.</summary>
public sealed class Vocabulary
{
    public Vocabulary(DatasetFile dataset)
    {
        using var connection = dataset.OpenConnection();
        HashSet<string> Ids(string table) => connection.Query<string>($"SELECT id FROM {table}").ToHashSet(StringComparer.Ordinal);
        Platforms = Ids("platforms");
        Organisations = Ids("organisations");
        Topics = Ids("topics");
        Actors = Ids("actors");
        Dictionary<string, string> Names(string sql) => connection.Query<(string Name, string Id)>(sql)
            .DistinctBy(n => n.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(n => n.Name, n => n.Id, StringComparer.OrdinalIgnoreCase);
        PlatformNames = Names("SELECT name, platform_id FROM platform_former_names ORDER BY name, platform_id");
        OrganisationNames = Names("SELECT alias, organisation_id FROM organisation_aliases ORDER BY alias, organisation_id");
        ActorNames = Names("SELECT alias, actor_id FROM actor_aliases ORDER BY alias, actor_id");
    }

    public IReadOnlySet<string> Platforms { get; }

    public IReadOnlySet<string> Organisations { get; }

    public IReadOnlySet<string> Topics { get; }

    public IReadOnlySet<string> Actors { get; }

    // Former and common names (Twitter, Facebook, IRA), case-insensitive, each with the id it stands for: the data
    // behind "did you mean 'x'?". They are hints only; filters take ids (docs/api.md says why).

    public IReadOnlyDictionary<string, string> PlatformNames { get; }

    public IReadOnlyDictionary<string, string> OrganisationNames { get; }

    public IReadOnlyDictionary<string, string> ActorNames { get; }
}
