/** Writes docs/jixiao.targets-1.schema.json from the schema object in @jixiao/core. */
import { writeFileSync } from "node:fs";
import { TARGETS_SCHEMA } from "@jixiao/core";

export const SCHEMA_PATH = new URL("../docs/jixiao.targets-1.schema.json", import.meta.url);

export function schemaText(): string {
  return `${JSON.stringify(TARGETS_SCHEMA, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(SCHEMA_PATH, schemaText());
  console.log("wrote docs/jixiao.targets-1.schema.json");
}
