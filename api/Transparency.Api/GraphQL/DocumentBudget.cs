using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Transparency.Api.Dataset;

namespace Transparency.Api.GraphQL;

/// <summary>
/// What one GraphQL document may ask for, checked before GraphQL.NET validates it (its validation grows with the
/// square of the selections, so a cap checked afterwards would come too late): its size in bytes and tokens,
/// its aliases, the fields it expands to through fragments, and the nodes it could return, from <c>first</c> at
/// every level (GitHub's and GitLab's public APIs budget the same way).
/// </summary>
public sealed class DocumentBudget(GraphQLOptions options, TransparencySchema schema, IDocumentBuilder builder, Vocabulary vocabulary)
{
    /// <summary>What a plain list (attributions, disclosures, actions, sources…) is assumed to hold per parent.</summary>
    public const int AssumedListSize = 5;

    /// <summary>
    /// The parsed document when it is within every limit; null with <paramref name="error"/> set when it is not; null
    /// without an error when it does not parse (GraphQL.NET then reports the syntax error in its own words).
    /// </summary>
    public GraphQLDocument? Check(string query, string? operationName, Inputs? variables, out ExecutionError? error)
    {
        error = null;
        var key = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(query)));
        if (_parsed.TryGetValue(key, out var known))
        {
            return Count(known, operationName, variables, out error);
        }
        var bytes = Encoding.UTF8.GetByteCount(query);
        if (bytes > options.MaxDocumentBytes)
        {
            error = Refusal("DOCUMENT_TOO_LARGE", $"The document is {bytes} bytes; the limit is {options.MaxDocumentBytes} (GraphQL:MaxDocumentBytes). Ask for fewer fields, or use fragments.");
            return null;
        }
        var tokens = CountTokens(query, options.MaxTokens);
        if (tokens > options.MaxTokens)
        {
            error = Refusal("TOO_MANY_TOKENS", $"The document has more than {options.MaxTokens} tokens, the limit (GraphQL:MaxTokens). Ask for fewer fields.");
            return null;
        }
        schema.Initialize();
        GraphQLDocument document;
        try
        {
            document = builder.Build(query);
        }
        catch (Exception e) when (e is GraphQLParserException or ExecutionError)
        {
            return null; // a syntax error, or nesting past the parser's depth: GraphQL.NET reports it when it parses again
        }
        if (_parsed.Count >= ParsedCapacity)
        {
            _parsed.Clear();
        }
        _parsed.TryAdd(key, document);
        return Count(document, operationName, variables, out error);
    }

    /// <summary>
    /// Documents that passed the size and token limits and parsed, by a hash of their text: a client paging with one
    /// query sends the same text again and again, and reading it twice (tokens, then the parser) was a tenth of a page.
    /// A parsed document is never changed, so requests share it (GraphQL.NET's own document cache does the same).
    /// Bounded: when full, it starts again empty.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, GraphQLDocument> _parsed = new(StringComparer.Ordinal);

    private const int ParsedCapacity = 1_000;

    /// <summary>
    /// The operation names under which a kept document passed GraphQL.NET's validation, so that a client paging with
    /// one query and new variables is not validated again each time (validation was two fifths of a page's cost). Held
    /// beside the document itself, so it goes when the document leaves <see cref="_parsed"/>.
    /// </summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<GraphQLDocument, System.Collections.Concurrent.ConcurrentDictionary<string, byte>> _validated = [];

    public bool PassedValidation(GraphQLDocument document, string? operationName) =>
        _validated.TryGetValue(document, out var names) && names.ContainsKey(operationName ?? "");

    public void MarkValidated(GraphQLDocument document, string? operationName) =>
        _validated.GetOrCreateValue(document).TryAdd(operationName ?? "", 0);

    /// <summary>The budgets that depend on the request (aliases and fields, and the nodes <c>first</c> asks for).</summary>
    private GraphQLDocument? Count(GraphQLDocument document, string? operationName, Inputs? variables, out ExecutionError? error)
    {
        var walk = new Walk(document, schema, variables, options, vocabulary.Actors.Count);
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>()
            .Where(o => operationName is null || o.Name?.StringValue == operationName))
        {
            if (operation.Operation == GraphQLParser.AST.OperationType.Query)
            {
                walk.Count(operation.SelectionSet, schema.Query, 1, []);
            }
        }
        walk.CountAliases();
        error = walk.Error;
        return error is null ? document : null;
    }

    /// <summary>Tokens up to one past <paramref name="limit"/>; a document the lexer cannot read counts what it read.</summary>
    private static int CountTokens(string query, int limit)
    {
        var source = new ROM(query.AsMemory());
        var count = 0;
        var position = 0;
        try
        {
            while (count <= limit)
            {
                var token = Lexer.Lex(source, position);
                if (token.Kind == TokenKind.EOF)
                {
                    break;
                }
                count++;
                position = token.End;
            }
        }
        catch (GraphQLParserException)
        {
            // The parser will report it.
        }
        return count;
    }

    private static ExecutionError Refusal(string code, string message) => new(message) { Code = code };

    private sealed class Walk(GraphQLDocument document, ISchema schema, Inputs? variables, GraphQLOptions options, int actorCount)
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue).ToDictionary(g => g.Key, g => g.First());

        private long _nodes;
        private int _fields;

        public ExecutionError? Error { get; private set; }

        public void CountAliases()
        {
            if (Error is not null)
            {
                return;
            }
            var aliases = 0;
            void Visit(GraphQLSelectionSet? set)
            {
                foreach (var selection in set?.Selections ?? [])
                {
                    switch (selection)
                    {
                        case GraphQLField field:
                            aliases += field.Alias is null ? 0 : 1;
                            Visit(field.SelectionSet);
                            break;
                        case GraphQLInlineFragment inline:
                            Visit(inline.SelectionSet);
                            break;
                    }
                }
            }
            foreach (var definition in document.Definitions)
            {
                Visit(definition switch
                {
                    GraphQLOperationDefinition o => o.SelectionSet,
                    GraphQLFragmentDefinition f => f.SelectionSet,
                    _ => null,
                });
            }
            if (aliases > options.MaxAliases)
            {
                Error = Refusal("TOO_MANY_ALIASES", $"The document has {aliases} aliases; the limit is {options.MaxAliases} (GraphQL:MaxAliases). Ask for each field once, and page with first and after.");
            }
        }

        /// <summary>
        /// Adds the nodes under <paramref name="set"/>, each list multiplied by the size of the lists above it.
        /// Fragments are expanded where they are spread; one already on the path (a cycle, which validation
        /// refuses anyway) is not entered again.
        /// </summary>
        public void Count(GraphQLSelectionSet set, IGraphType? type, long multiplier, HashSet<string> fragmentsOnPath)
        {
            foreach (var selection in set.Selections)
            {
                if (Error is not null)
                {
                    return;
                }
                switch (selection)
                {
                    case GraphQLField field:
                        CountField(field, type, multiplier, fragmentsOnPath);
                        break;
                    case GraphQLInlineFragment inline:
                        Count(inline.SelectionSet, inline.TypeCondition is { } condition ? schema.AllTypes[condition.Type.Name.StringValue] : type, multiplier, fragmentsOnPath);
                        break;
                    case GraphQLFragmentSpread spread when _fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                        && fragmentsOnPath.Add(fragment.FragmentName.Name.StringValue):
                        Count(fragment.SelectionSet, schema.AllTypes[fragment.TypeCondition.Type.Name.StringValue], multiplier, fragmentsOnPath);
                        fragmentsOnPath.Remove(fragment.FragmentName.Name.StringValue);
                        break;
                }
            }
        }

        private void CountField(GraphQLField field, IGraphType? parent, long multiplier, HashSet<string> fragmentsOnPath)
        {
            var name = field.Name.StringValue;
            // Introspection reads the schema, not the data: IDEs send a large introspection query, and it costs nothing here.
            if (name.StartsWith("__", StringComparison.Ordinal))
            {
                return;
            }
            if (++_fields > options.MaxFields)
            {
                Error = Refusal("TOO_MANY_FIELDS", $"The document expands (through its fragments) to more than {options.MaxFields} fields, the limit (GraphQL:MaxFields).");
                return;
            }
            var definition = (parent?.GetNamedType() as IComplexGraphType)?.GetField(name);
            if (definition is null)
            {
                return; // validation names the unknown field
            }
            var type = definition.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : definition.ResolvedType;
            // A connection counts its page; a plain list of objects its assumed size (the root list of actors, its
            // real size); a connection's own edges and items are the page already counted, and scalars count nothing.
            long size = 1;
            var isList = false;
            if (definition.Arguments?.Find("first") is not null)
            {
                (size, isList) = (First(field), true);
            }
            else if (type is ListGraphType list && list.ResolvedType?.GetNamedType() is IComplexGraphType && !IsConnection(parent))
            {
                (size, isList) = (ReferenceEquals(parent, schema.Query) && name == "actors" ? Math.Max(actorCount, 1) : AssumedListSize, true);
            }
            if (isList)
            {
                _nodes += multiplier * size;
                if (_nodes > options.MaxNodes)
                {
                    Error = Refusal("NODE_BUDGET_EXCEEDED", $"The query could return more than {options.MaxNodes:N0} nodes, the limit (GraphQL:MaxNodes). " +
                        $"Each list counts its 'first' (default 50) times the lists above it, and a list without 'first' counts {AssumedListSize}; ask for smaller pages.");
                    return;
                }
            }
            if (field.SelectionSet is { } children)
            {
                Count(children, type?.GetNamedType(), multiplier * size, fragmentsOnPath);
            }
        }

        private static bool IsConnection(IGraphType? type) => type?.GetNamedType() is IComplexGraphType complex && complex.HasField("pageInfo");

        /// <summary>The page size a field asks for, as the resolver will read it: from a literal or a variable, default 50, at most the maximum.</summary>
        private long First(GraphQLField field)
        {
            var value = field.Arguments?.ValueFor("first");
            long? first = value switch
            {
                GraphQLIntValue literal => long.TryParse(literal.Value.Span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null,
                GraphQLVariable variable when variables is not null && variables.TryGetValue(variable.Name.StringValue, out var bound) =>
                    bound switch { int n => n, long n => n, _ => null },
                _ => null,
            };
            return Math.Clamp(first ?? Operations.OperationQuery.DefaultLimit, 1, Operations.OperationQuery.MaxLimit);
        }
    }
}
