using GraphQL.Types;

namespace Transparency.Api.GraphQL.Types;

public sealed class ReleaseType : ObjectGraphType<Changes.ReleaseDto>
{
    public ReleaseType()
    {
        Name = "Release";
        Description = "A release of the dataset.";
        Field(r => r.Version).Description("The data version.");
        Field(r => r.Date, nullable: true).Description("The release date.");
        Field(r => r.BuiltAt, nullable: true).Description("The time of the commit it was built from.");
        Field(r => r.Sha256, nullable: true).Description("The SHA-256 of its database.");
    }
}
