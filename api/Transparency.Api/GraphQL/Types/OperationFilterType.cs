using GraphQL.Types;
using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL.Types;

/// <summary>GraphQL's <c>OperationFilter</c> input: the properties of <see cref="OperationFilter"/>, with their XML documentation as descriptions.</summary>
public sealed class OperationFilterType : AutoRegisteringInputObjectGraphType<OperationFilter>
{
    public OperationFilterType()
    {
        Name = "OperationFilter";
        Description = "Which operations: the filters of GET /v1/operations, with the same meaning. A list means OR; different fields mean AND.";
    }
}
