using GraphQL.Types;

namespace Transparency.Api.GraphQL.Types;

public sealed class ChangesType : ObjectGraphType<Changes.ChangesDto>
{
    public ChangesType()
    {
        Name = "Changes";
        Description = "What changed in the served data since a release or a time.";
        Field(c => c.Since).Description("The point in time compared against (UTC).");
        Field(c => c.SinceVersion, nullable: true).Description("The release that point belongs to, when a version was given.");
        Field(c => c.Until).Description("When the served data was built (UTC).");
        Field(c => c.DataVersion).Description("The served data version.");
        Field(c => c.Operations, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ChangeType>>>)).Description("The operations that changed, oldest change first.");
    }
}
