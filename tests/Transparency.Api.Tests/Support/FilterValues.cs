using Microsoft.Data.Sqlite;

namespace Transparency.Api.Tests.Support;

/// <summary>The values each list filter can take in a database, in a fixed order (so that a seed reproduces its queries).</summary>
public static class FilterValues
{
    public static Dictionary<string, string[]> Of(SqliteConnection database) => new()
    {
        ["actor"] = Column(database, "SELECT DISTINCT actor_id FROM attributions WHERE actor_id IS NOT NULL ORDER BY 1"),
        ["origin"] = Column(database, "SELECT DISTINCT country FROM operation_countries WHERE role = 'origin' ORDER BY 1"),
        ["target"] = Column(database, "SELECT DISTINCT country FROM operation_countries WHERE role = 'target' ORDER BY 1"),
        ["platform"] = Column(database, "SELECT id FROM platforms ORDER BY 1"),
        ["disclosedBy"] = Column(database, "SELECT id FROM organisations ORDER BY 1"),
        ["topic"] = Column(database, "SELECT id FROM topics ORDER BY 1"),
    };

    /// <summary>The first column of a query's rows, as text.</summary>
    public static string[] Column(SqliteConnection database, string sql)
    {
        using var command = new SqliteCommand(sql, database);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return [.. values];
    }
}
