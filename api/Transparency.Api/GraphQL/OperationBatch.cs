using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL;

/// <summary>
/// Loads the nested fields of every operation a request has seen in one go: resolvers register the ids of
/// the operations they return, and the first nested field asked for loads all registered records with one
/// statement per child table. A page of 100 operations costs the same number of SQL statements as a page of one.
/// </summary>
public sealed class OperationBatch(OperationQueries queries)
{
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OperationDetail> _loaded = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Register(IEnumerable<string> ids)
    {
        lock (_lock)
        {
            foreach (var id in ids)
            {
                if (!_loaded.ContainsKey(id))
                {
                    _pending.Add(id);
                }
            }
        }
    }

    public OperationDetail Detail(string id)
    {
        lock (_lock)
        {
            if (!_loaded.ContainsKey(id))
            {
                _pending.Add(id);
                foreach (var (key, detail) in queries.GetMany([.. _pending]))
                {
                    _loaded[key] = detail;
                }
                _pending.Clear();
            }
            return _loaded[id];
        }
    }
}
