using GraphQL.Types;
using Transparency.Api.Vocabularies;

namespace Transparency.Api.GraphQL.Types;

public sealed class PlatformType : ObjectGraphType<PlatformDto>
{
    public PlatformType()
    {
        Name = "Platform";
        Description = "A platform operations ran on.";
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Platform id, used by the platform filter.");
        Field(p => p.Name).Description("Display name.");
        Field(p => p.Url, nullable: true).Description("Its address.");
        Field(p => p.FormerNames).Description("Names it had before (Twitter for X).");
        Field(p => p.OperationCount).Description("How many listed operations are known on it.");
    }
}
