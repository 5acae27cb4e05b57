#!/usr/bin/env node
// Turns the openAPIV3Schema of one version of a CustomResourceDefinition into a standalone JSON
// Schema (draft-07) for ajv, the way kubeconform's "strict" schemas are made:
//   - an object that lists its properties and does not say x-kubernetes-preserve-unknown-fields
//     gets additionalProperties: false, so a misspelt field fails here instead of being pruned
//     silently by the API server (or rejected by kubectl's strict field validation at deploy time);
//   - x-kubernetes-int-or-string becomes "integer or string", nullable: true adds "null";
//   - descriptions are dropped (they are most of the size); x-kubernetes-validations (CEL rules)
//     are dropped too and counted, because ajv cannot evaluate them;
//   - apiVersion and kind are pinned to the CRD's group/version and kind.
//
// Usage: node crd-to-jsonschema.mjs --version v1beta2 --source "text" --out DIR crd.yaml...
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

const args = process.argv.slice(2);
let version;
let source = '';
let outDir = '.';
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--version') version = args[++i];
  else if (args[i] === '--source') source = args[++i];
  else if (args[i] === '--out') outDir = args[++i];
  else files.push(args[i]);
}
if (!version || files.length === 0) {
  console.error('usage: crd-to-jsonschema.mjs --version V [--source TEXT] [--out DIR] crd.yaml...');
  process.exit(2);
}

function convert(node, stats) {
  if (Array.isArray(node)) return node.map((n) => convert(n, stats));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' && typeof value === 'string') continue;
    if (key === 'x-kubernetes-validations') { stats.cel += value.length; continue; }
    if (key === 'properties' || key === 'patternProperties' || key === 'definitions') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, stats)]));
    } else {
      out[key] = convert(value, stats);
    }
  }
  if (out['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (out.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    delete out.nullable;
  }
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined
      && out['x-kubernetes-preserve-unknown-fields'] !== true) {
    out.additionalProperties = false;
    stats.closed++;
  }
  return out;
}

for (const file of files) {
  for (const doc of YAML.parseAllDocuments(readFileSync(file, 'utf8'))) {
    const crd = doc.toJS();
    if (!crd || crd.kind !== 'CustomResourceDefinition') continue;
    const { group, names } = crd.spec;
    const v = crd.spec.versions.find((x) => x.name === version);
    if (!v) throw new Error(`${file}: ${names.kind} has no version ${version}`);
    const stats = { cel: 0, closed: 0 };
    const schema = convert(v.schema.openAPIV3Schema, stats);
    schema.properties = schema.properties || {};
    schema.properties.apiVersion = { const: `${group}/${version}` };
    schema.properties.kind = { const: names.kind };
    schema.required = [...new Set(['apiVersion', 'kind', 'metadata', ...(schema.required || [])])];
    const result = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $comment: `${names.kind} ${group}/${version}${v.deprecated ? ' (deprecated by the CRD)' : ''}, `
        + `from ${source || file}. Descriptions and ${stats.cel} CEL rule(s) (x-kubernetes-validations) `
        + `dropped; ${stats.closed} object(s) closed with additionalProperties: false. `
        + 'Written by deploy/kubernetes/tools/crd-to-jsonschema.mjs: do not edit by hand.',
      ...schema,
    };
    const name = `${group}_${version}_${names.kind.toLowerCase()}.json`;
    writeFileSync(join(outDir, name), JSON.stringify(result, null, 1) + '\n');
    console.log(`${name}: ${stats.closed} closed objects, ${stats.cel} CEL rules not checked`);
  }
}
