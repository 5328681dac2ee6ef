using GraphQL.Types;
using GraphQL.Types.Relay;
using Transparency.Api.Actors;

namespace Transparency.Api.GraphQL.Types;

public sealed class ActorType : ObjectGraphType<ActorSummary>
{
    public ActorType()
    {
        Name = "Actor";
        Description = "A government body, company, group or person to which operations are attributed.";
        Field(a => a.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(a => a.Name);
        Field(a => a.Country, nullable: true);
        Field(a => a.Kind);
        Field(a => a.Parent, nullable: true);
        Field<NonNullGraphType<ConnectionType<OperationType>>>("operations")
            .Description("Operations attributed to this actor, as a connection.")
            .Argument<IntGraphType>("first", "How many, at most 100 (default 50).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .Resolve(QueryType.ActorOperations);
    }
}
