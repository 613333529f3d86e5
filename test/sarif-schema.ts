import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The official SARIF 2.1.0 JSON schema (2.1.0-rtm.5, a JSON Schema draft-04 document), as the npm package
 * @microsoft/jest-sarif ships it, checked with ajv and its formats (uri, uri-reference, date-time).
 */
const SCHEMA_FILE = join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

let validate: ReturnType<Ajv['compile']> | undefined;

/** What the SARIF schema finds wrong with a log: one line per error, none when it is valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!validate) {
    // The schema's "language" pattern has a stray "]", legal only in a regular expression without the u flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
  }
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
