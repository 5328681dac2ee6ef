using GraphQL.Types;
using Transparency.Api.Operations;

namespace Transparency.Api.GraphQL.Types;

public sealed class ReachTotalsType : ObjectGraphType<ReachTotalsDto>
{
    public ReachTotalsType()
    {
        Name = "ReachTotals";
        Description = "Totals derived so that conflicting reports are never added up.";
        Field(t => t.AccountsRemoved, nullable: true).Description("Accounts removed across disclosures, no account counted twice; null when no disclosure gives an account figure.");
        Field(t => t.AssetsRemoved, nullable: true).Description("All assets removed across disclosures; null when no disclosure gives a removal figure.");
        Field(t => t.MaxFollowers, nullable: true).Description("The largest followers figure counted, if any.");
    }
}
