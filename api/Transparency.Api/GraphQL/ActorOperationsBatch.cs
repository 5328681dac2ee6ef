using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL;

/// <summary>
/// The first page of operations of every actor a request returns, loaded for all of them at once: resolvers
/// register the actors they return, and the first <c>operations</c> field asked for loads every registered actor's page.
/// </summary>
public sealed class ActorOperationsBatch(OperationQueries queries)
{
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Actor, int First), (OperationQueries.OperationRows Page, long Total)> _loaded = [];
    private readonly Lock _lock = new();

    public void Register(IEnumerable<string> actorIds)
    {
        lock (_lock)
        {
            _pending.UnionWith(actorIds);
        }
    }

    public (OperationQueries.OperationRows Page, long Total) FirstPage(string actorId, int first)
    {
        lock (_lock)
        {
            if (!_loaded.ContainsKey((actorId, first)))
            {
                _pending.Add(actorId);
                var loaded = queries.ListByActor([.. _pending], first);
                foreach (var actor in _pending)
                {
                    _loaded[(actor, first)] = loaded.GetValueOrDefault(actor, (new OperationQueries.OperationRows([], [], false), 0));
                }
                _pending.Clear();
            }
            return _loaded[(actorId, first)];
        }
    }
}
