using Microsoft.OpenApi;

namespace Transparency.Api.Http;

/// <summary>OpenAPI 3 from Swashbuckle at /openapi/v1.json, Swagger UI at /docs.</summary>
public static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Transparency API",
                Version = "v1",
                Description = "Publicly disclosed influence operations: who ran them, where, against whom, what platforms removed, and the source behind every figure. Data licensed CC BY 4.0.",
                License = new OpenApiLicense { Name = "CC BY 4.0 (data)", Url = new Uri("https://creativecommons.org/licenses/by/4.0/") },
            });
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "Transparency.Api.xml"), includeControllerXmlComments: false);
            options.SupportNonNullableReferenceTypes();
            // A nullable reference to another schema (an attribution's actor) is then `allOf: [$ref], nullable: true`, not a bare $ref that forbids null.
            options.UseAllOfToExtendReferenceSchemas();
            options.OperationFilter<OpenApiContract>();
            options.SchemaFilter<EveryPropertyIsWritten>();
        });
        return services;
    }

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json");
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.SwaggerEndpoint("/openapi/v1.json", "Transparency API v1");
            options.DocumentTitle = "Transparency API";
        });
        return app;
    }
}
