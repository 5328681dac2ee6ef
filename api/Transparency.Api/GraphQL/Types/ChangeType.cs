using GraphQL.Types;

namespace Transparency.Api.GraphQL.Types;

public sealed class ChangeType : ObjectGraphType<Changes.ChangeDto>
{
    public ChangeType()
    {
        Name = "Change";
        Description = "One operation that changed since a point in time.";
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The operation id.");
        Field(c => c.Name).Description("Its name.");
        Field(c => c.Change).Description("added, changed, withdrawn or merged.");
        Field(c => c.Status).Description("active, withdrawn or merged.");
        Field(c => c.MergedInto, nullable: true).Description("For a merged record, its successor.");
        Field(c => c.Published, nullable: true).Description("When the record was first published (UTC).");
        Field(c => c.Modified, nullable: true).Description("When it last changed (UTC).");
    }
}
