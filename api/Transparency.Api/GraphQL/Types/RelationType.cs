using GraphQL.Types;
using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL.Types;

public sealed class RelationType : ObjectGraphType<RelationDto>
{
    public RelationType()
    {
        Name = "Relation";
        Description = "A link to another operation, as a source states it.";
        Field(r => r.Operation).Description("The other operation's id.");
        Field(r => r.Relation).Description("overlaps, successor-of, part-of or same-as.");
        Field(r => r.Source).Description("The id of the source stating the relation.");
    }
}
