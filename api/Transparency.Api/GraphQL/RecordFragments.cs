using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;
using GraphQLParser.AST;
using GraphQLParser.Visitors;
using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL;

/// <summary>
/// The JSON of an operation as a page's <c>node { … }</c> selection asks for it, kept per selection and operation.
/// The served file never changes while the process runs, so what a selection returns for an operation never changes
/// either: a client paging with one query and new variables asks for the same selections of operations again and
/// again, and GraphQL.NET would resolve each of their fields anew (some 2,000 for a page of 50 with attributions and
/// removals: most of a page's cost). The first time, the node is executed as usual and its JSON kept; after that the
/// node is one value whose JSON is written as it is (REST's records are made once the same way, at start-up).
/// <para>
/// Only selections whose result cannot depend on the request are kept: none that uses a variable, a directive or a
/// fragment spread (its definition lives elsewhere in the document). Bounded by <see cref="CapacityBytes"/>: when
/// full, it starts again empty.
/// </para>
/// </summary>
public sealed class RecordFragments
{
    public const long CapacityBytes = 64L * 1024 * 1024;

    private readonly ConcurrentDictionary<(string Selection, string Id), byte[]> _json = new();
    private readonly ConditionalWeakTable<GraphQLField, string?> _selections = [];
    private long _bytes;

    /// <summary>The selection's key (its text, printed once per parsed field), or null when its result could depend on the request.</summary>
    public string? Selection(GraphQLField field) => _selections.GetValue(field, f =>
    {
        var text = new SDLPrinter().Print(f);
        return text.Contains('$', StringComparison.Ordinal) || text.Contains('@', StringComparison.Ordinal) || text.Contains("...", StringComparison.Ordinal)
            ? null : text;
    });

    public bool TryGet(GraphQLField field, string id, out byte[] json)
    {
        json = [];
        return Selection(field) is { } selection && _json.TryGetValue((selection, id), out json!);
    }

    /// <summary>
    /// Keeps the JSON of every operation node a successful result executed in full (a page's edges' nodes), as the
    /// result serializer writes them.
    /// </summary>
    public void KeepFrom(ExecutionResult result, IGraphQLTextSerializer serializer)
    {
        if (!result.Executed || result.Errors is { Count: > 0 } || result.Data is not ExecutionNode root)
        {
            return;
        }
        var pending = new Stack<ExecutionNode>([root]);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is ObjectExecutionNode { SubFields: not null } operation && operation.GraphType?.GetNamedType() is Types.OperationType
                && operation.Parent?.Result is Edge<OperationSummary> edge && Selection(operation.Field) is { } selection)
            {
                if (!_json.ContainsKey((selection, edge.Node!.Id)))
                {
                    var written = serializer.Serialize(new ExecutionResult { Executed = true, Data = operation });
                    // {"data":<the node>}
                    var json = System.Text.Encoding.UTF8.GetBytes(written[8..^1]);
                    if (Interlocked.Add(ref _bytes, json.Length) > CapacityBytes)
                    {
                        _json.Clear();
                        Interlocked.Exchange(ref _bytes, json.Length);
                    }
                    _json.TryAdd((selection, edge.Node.Id), json);
                }
                continue;
            }
            if (node is IParentExecutionNode parent)
            {
                parent.ApplyToChildren((child, stack) => stack.Push(child), pending);
            }
        }
    }
}

/// <summary>
/// Runs queries serially (every resolver answers synchronously from memory or one query) and answers an operation
/// node from <see cref="RecordFragments"/> when its JSON for that selection is kept.
/// </summary>
public sealed class RecordFragmentStrategy(RecordFragments fragments) : SerialExecutionStrategy
{
    protected override ExecutionNode BuildExecutionNode(ExecutionNode parent, IGraphType graphType, GraphQLField field, FieldType fieldDefinition, int? indexInParentNode = null) =>
        graphType.GetNamedType() is Types.OperationType && parent.Result is Edge<OperationSummary> { Node: { } operation }
            && fragments.TryGet(field, operation.Id, out var json)
            ? new ValueExecutionNode(parent, new KeptJsonGraphType { Json = json }, field, fieldDefinition, indexInParentNode)
            : base.BuildExecutionNode(parent, graphType, field, fieldDefinition, indexInParentNode);

    /// <summary>A kept node's value is its JSON, not an <see cref="OperationSummary"/>: the check of the field's type does not apply.</summary>
    protected override void ValidateNodeResult(global::GraphQL.Execution.ExecutionContext context, ExecutionNode node)
    {
        if (node.GraphType is not KeptJsonGraphType)
        {
            base.ValidateNodeResult(context, node);
        }
    }

    /// <summary>
    /// The type of a node answered from kept JSON: whatever it resolves to, it serializes to that JSON. (Never part of
    /// the schema; GraphQL.NET registers every graph type of the assembly, hence the settable property.)
    /// </summary>
    public sealed class KeptJsonGraphType : ScalarGraphType
    {
        public byte[] Json { get; init; } = [];

        public override object? Serialize(object? value) => new KeptJson(Json);

        public override object? ParseLiteral(GraphQLValue value) => throw new NotSupportedException();

        public override object? ParseValue(object? value) => throw new NotSupportedException();
    }
}

/// <summary>JSON kept by <see cref="RecordFragments"/>, written as it is by the result serializer.</summary>
public sealed record KeptJson(byte[] Json);

public sealed class KeptJsonConverter : JsonConverter<KeptJson>
{
    public override KeptJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, KeptJson value, JsonSerializerOptions options) => writer.WriteRawValue(value.Json, skipInputValidation: true);
}
