using GraphQL.Types;
using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL.Types;

public sealed class AliasType : ObjectGraphType<AliasDto>
{
    public AliasType()
    {
        Name = "Alias";
        Description = "Another name of an operation, as a source uses it.";
        Field(a => a.Name).Description("The other name, e.g. DRAGONBRIDGE.");
        Field(a => a.By, nullable: true).Description("The organisation whose label it is, if one.");
        Field(a => a.Source).Description("The id of the source (in sources) that uses the name.");
    }
}
