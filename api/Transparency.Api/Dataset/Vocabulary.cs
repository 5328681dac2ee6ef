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
    }

    public IReadOnlySet<string> Platforms { get; }

    public IReadOnlySet<string> Organisations { get; }

    public IReadOnlySet<string> Topics { get; }

    public IReadOnlySet<string> Actors { get; }
}
