// Validates an OpenAPI document against the OpenAPI 3 schema and resolves every $ref.
import SwaggerParser from "@apidevtools/swagger-parser";

const file = process.argv[2];
try {
  const api = await SwaggerParser.validate(file);
  const operations = Object.values(api.paths).flatMap((path) => Object.keys(path)).length;
  console.log(`${file}: valid OpenAPI ${api.openapi}, ${Object.keys(api.paths).length} paths, ${operations} operations`);
} catch (error) {
  console.error(`${file}: invalid OpenAPI document\n${error.message}`);
  process.exit(1);
}
