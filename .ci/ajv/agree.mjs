// Validates instances with ajv in strict draft 2020-12 mode and compares its verdicts with
// the library's: `node agree.mjs SCHEMA_DIR INSTANCES.jsonl`. Each line of the instances is
// {"schema": "scheme", "instance": …, "library": true|false}. Prints a JSON summary
// {"schemas": n, "warnings": [...], "checked": n, "disagreements": [...]}.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats");

const [schemaDir, instances] = process.argv.slice(2);
const warnings = [];
const logger = { log() {}, warn: (m) => warnings.push(String(m)), error: (m) => warnings.push(String(m)) };
const ajv = new Ajv2020({ strict: true, allErrors: true, logger });
addFormats(ajv);
const names = ["scheme", "plan", "period_report", "programme", "findings", "provincial_pack", "applicant", "assessment", "document"];
const ids = {};
for (const n of names) {
  const schema = JSON.parse(readFileSync(`${schemaDir}/${n}.schema.json`, "utf8"));
  ids[n] = schema.$id;
  ajv.addSchema(schema);
}
const validators = {};
for (const n of names) {
  validators[n] = ajv.getSchema(ids[n]);
}
let checked = 0;
const disagreements = [];
const lines = instances ? readFileSync(instances, "utf8").split("\n").filter((l) => l.trim()) : [];
for (const line of lines) {
  const { schema, instance, library } = JSON.parse(line);
  const validate = validators[schema];
  const ok = validate(instance);
  checked += 1;
  if (ok !== library) {
    disagreements.push({
      schema,
      library,
      ajv: ok,
      errors: (validate.errors || []).slice(0, 5).map((e) => `${e.instancePath} ${e.keyword} ${e.message}`),
      instance: JSON.stringify(instance).slice(0, 300),
    });
  }
}
console.log(JSON.stringify({ schemas: names.length, warnings, checked, disagreements }));
