/** The part of a JSON schema the scripted models read. */
export interface ExampleSchema {
  required?: string[];
  properties?: Record<string, { type?: string }>;
}

/** Arguments filled from a schema's required properties (strings "example", numbers 1, booleans true). */
export function exampleArguments(schema: ExampleSchema | undefined): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const name of schema?.required ?? []) {
    const type = schema?.properties?.[name]?.type;
    args[name] = type === "number" || type === "integer" ? 1 : type === "boolean" ? true : "example";
  }
  return args;
}
