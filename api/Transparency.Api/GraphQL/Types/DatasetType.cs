using GraphQL.Types;
using Transparency.Api.Dataset;

namespace Transparency.Api.GraphQL.Types;

public sealed class DatasetType : ObjectGraphType<DatasetInfo>
{
    public DatasetType()
    {
        Name = "Dataset";
        Description = "What is being served: versions, provenance, checksum, licence.";
        Field(d => d.SchemaVersion).Description("SemVer of the SQLite schema.");
        Field(d => d.DataVersion).Description("The data release.");
        Field(d => d.SourceCommit).Description("The git commit the database was built from.");
        Field(d => d.BuiltAt).Description("The commit's time.");
        Field(d => d.InputSha256).Description("SHA-256 over every data file's path and bytes.");
        Field(d => d.Sha256).Description("SHA-256 of the SQLite file.");
        Field(d => d.Licence).Description("The data's licence (SPDX id).");
        Field(d => d.LicenceUrl).Description("The licence's text.");
        Field(d => d.Citation).Description("How to cite the dataset.");
        Field(d => d.Releases, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ReleaseType>>>)).Description("Every release, from the index published beside the file.");
    }
}
