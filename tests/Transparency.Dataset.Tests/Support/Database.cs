using Microsoft.Data.Sqlite;

namespace Transparency.Dataset.Tests.Support;

/// <summary>Reads a built SQLite file with plain SQL, read-only, as a user of the release would.</summary>
public sealed class Database(string path) : IDisposable
{
    private readonly SqliteConnection _connection = Open(path);

    public List<object?[]> Rows(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    public object? Scalar(string sql) => Rows(sql).FirstOrDefault()?[0];

    public void Dispose() => _connection.Dispose();

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
