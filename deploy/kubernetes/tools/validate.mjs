#!/usr/bin/env node
// Validates rendered Kubernetes manifests offline (validate.sh renders the overlays, then runs this).
//
//   node validate.mjs [--topics Topics.java] [--env dev|prod|any] FILE.yaml... [--env ... FILE.yaml...]
//
// --env sets the replica rules for the files after it (any: none).
//
// Every document must pass all of:
//  1. schema: built-in kinds against the Kubernetes OpenAPI schemas compiled into the
//     kubernetes-models package (types, required fields, enums, int-or-string, quantities);
//     Strimzi and MySQL Operator kinds against the JSON schemas in ../schemas (ajv, draft-07);
//     a kind with no schema is an error, so nothing passes unchecked;
//  2. unknown fields: built-in kinds are type-checked by the TypeScript compiler against
//     kubernetes-models' type declarations (excess property checks: a misspelt field such as
//     `readinesProbe` fails, where the API server would reject or drop it); the CRD schemas are
//     closed with additionalProperties: false for the same purpose;
//  3. Podium's rules across one rendered overlay: references resolve (ConfigMaps, Services,
//     scale targets, Kafka cluster labels), every workload has probes, resources and a locked-down
//     securityContext, images carry a tag, no Secret is committed, topics match contracts'
//     Topics.java and the services' topic settings, and --env's replica rules hold.
// Exit code 1 on any error, 2 on bad usage.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import YAML from 'yaml';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const schemaDir = resolve(here, '../schemas');

// ---------------------------------------------------------------------------------------------
const args = process.argv.slice(2);
let env = 'any';
let topicsJava = null;
const files = [];
const envOf = new Map();
let badUsage = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--env') env = args[++i];
  else if (args[i] === '--topics') topicsJava = args[++i];
  else { files.push(args[i]); envOf.set(args[i], env); }
  if (!['dev', 'prod', 'any'].includes(env)) badUsage = true;
}
if (files.length === 0 || badUsage) {
  console.error('usage: validate.mjs [--topics Topics.java] [--env dev|prod|any] FILE.yaml... [--env ... FILE.yaml...]');
  process.exit(2);
}

let errorCount = 0;
function fail(where, message) {
  errorCount++;
  console.log(`  FAIL ${where}: ${message}`);
}

// --- 1. schemas --------------------------------------------------------------------------------
const crdSchemas = {
  'kafka.strimzi.io/v1beta2/Kafka': 'strimzi/kafka.strimzi.io_v1beta2_kafka.json',
  'kafka.strimzi.io/v1beta2/KafkaNodePool': 'strimzi/kafka.strimzi.io_v1beta2_kafkanodepool.json',
  'kafka.strimzi.io/v1beta2/KafkaTopic': 'strimzi/kafka.strimzi.io_v1beta2_kafkatopic.json',
  'mysql.oracle.com/v2/InnoDBCluster': 'mysql-operator/mysql.oracle.com_v2_innodbcluster.json',
};
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
for (const f of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(f, true);
const compiled = new Map();
function crdValidator(key) {
  if (!compiled.has(key)) {
    compiled.set(key, ajv.compile(JSON.parse(readFileSync(join(schemaDir, crdSchemas[key]), 'utf8'))));
  }
  return compiled.get(key);
}
const { IoK8sApimachineryPkgApisMetaV1ObjectMeta: ObjectMeta } =
  require('@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta');

// apiVersion "apps/v1" -> kubernetes-models/apps/v1/<Kind>; core "v1" -> kubernetes-models/v1/<Kind>
function builtinModule(apiVersion, kind) {
  if (!/^[a-z0-9.]*\/?v[0-9a-z]+$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return null;
  const modulePath = `kubernetes-models/${apiVersion}/${kind}`;
  try {
    const mod = require(modulePath);
    return mod[kind] ? { modulePath, Model: mod[kind] } : null;
  } catch {
    return null;
  }
}

function formatAjvErrors(errors) {
  return (errors || []).slice(0, 6).map((e) => {
    const extra = e.params && e.params.additionalProperty ? ` '${e.params.additionalProperty}'`
      : e.params && e.params.allowedValue !== undefined ? ` (${JSON.stringify(e.params.allowedValue)})`
        : e.params && e.params.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : '';
    return `${e.instancePath || '/'} ${e.message}${extra}`;
  }).join('; ') + ((errors || []).length > 6 ? `; ... ${(errors.length - 6)} more` : '');
}

// --- read every document ---------------------------------------------------------------------
const perFile = [];
for (const file of files) {
  const docs = [];
  let parsed;
  try {
    parsed = YAML.parseAllDocuments(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(file, `cannot read: ${e.message}`);
    continue;
  }
  for (const d of parsed) {
    if (d.errors.length) { fail(file, `YAML: ${d.errors[0].message}`); continue; }
    const obj = d.toJS();
    if (obj === null || obj === undefined) continue;
    docs.push(obj);
  }
  perFile.push({ file, docs });
}

const strictChecks = []; // { file, label, modulePath, kind, obj }
let documentCount = 0;
for (const { file, docs } of perFile) {
  console.log(`${file}: ${docs.length} documents${envOf.get(file) !== 'any' ? ` (${envOf.get(file)} rules)` : ''}`);
  for (const obj of docs) {
    documentCount++;
    const kind = obj.kind;
    const label = `${basename(file)} ${kind || '?'}/${(obj.metadata && obj.metadata.name) || '?'}`;
    if (typeof obj.apiVersion !== 'string' || typeof kind !== 'string') {
      fail(label, 'apiVersion and kind are required');
      continue;
    }
    const key = `${obj.apiVersion}/${kind}`;
    if (crdSchemas[key]) {
      const validate = crdValidator(key);
      if (!validate(obj)) fail(label, `${key} schema: ${formatAjvErrors(validate.errors)}`);
      try {
        new ObjectMeta(obj.metadata).validate();
      } catch (e) {
        fail(label, `metadata: ${formatAjvErrors(e.errors) || e.message}`);
      }
      continue;
    }
    const builtin = builtinModule(obj.apiVersion, kind);
    if (!builtin) {
      fail(label, `no schema for ${key} (add one under schemas/ or fix apiVersion/kind)`);
      continue;
    }
    try {
      new builtin.Model(obj).validate();
    } catch (e) {
      fail(label, `Kubernetes schema: ${e.errors ? formatAjvErrors(e.errors) : e.message}`);
    }
    strictChecks.push({ file, label, modulePath: builtin.modulePath, kind, obj });
  }
}

// --- 2. unknown fields in built-in kinds: TypeScript excess property checks -------------------
// The JSON path (/spec/template/...) of the key or value at `offset` in one line of JSON text,
// to point at the field a TypeScript error's column names.
function jsonPathAt(text, offset) {
  const stack = []; // { array: bool, key: string|number }
  let i = 0;
  let lastString = null;
  while (i < text.length && i <= offset) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      lastString = JSON.parse(text.slice(i, j + 1));
      const isKey = text[j + 1] === ':';
      if (isKey && stack.length) stack[stack.length - 1].key = lastString;
      if (offset <= j) break;
      i = j + 1;
      continue;
    }
    if (ch === '{') stack.push({ array: false, key: null });
    else if (ch === '[') stack.push({ array: true, key: 0 });
    else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === ',' && stack.length && stack[stack.length - 1].array) stack[stack.length - 1].key++;
    i++;
  }
  return '/' + stack.map((s) => s.key).filter((k) => k !== null).join('/');
}

if (strictChecks.length > 0) {
  const buildDir = join(here, 'build');
  mkdirSync(buildDir, { recursive: true });
  const lineLabels = [];
  const lines = ['// Generated by validate.mjs: one rendered manifest per line, type-checked strictly.'];
  lineLabels.push(null);
  strictChecks.forEach((c, i) => {
    lines.push(`export const d${i}: import(${JSON.stringify(c.modulePath)}).I${c.kind} = ${JSON.stringify(c.obj)};`);
    lineLabels.push(c.label);
  });
  const tsFile = join(buildDir, 'manifests.ts');
  writeFileSync(tsFile, lines.join('\n') + '\n');
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', '--pretty', 'false',
    '--target', 'es2020', '--module', 'commonjs', '--moduleResolution', 'node', '--lib', 'es2020',
    tsFile], { encoding: 'utf8' });
  const output = (result.stdout || '') + (result.stderr || '');
  const re = /manifests\.ts\((\d+),(\d+)\): error (TS\d+): (.*)/g;
  let m;
  let reported = 0;
  while ((m = re.exec(output)) !== null) {
    reported++;
    const line = lines[Number(m[1]) - 1] || '';
    const jsonStart = line.indexOf(' = {') + 3;
    const path = jsonStart > 2 ? jsonPathAt(line.slice(jsonStart), Number(m[2]) - 1 - jsonStart) : '';
    fail(lineLabels[Number(m[1]) - 1] || tsFile, `${path ? `${path}: ` : ''}${m[4]} (${m[3]})`);
  }
  if (result.status !== 0 && reported === 0) {
    fail('TypeScript check', `tsc failed without a manifest error:\n${output}`);
  }
}

// --- 3. Podium's rules, per rendered file ------------------------------------------------------
function topicNamesFromContracts() {
  const candidate = topicsJava || resolve(here, '../../../contracts/src/main/java/dev/podium/contracts/Topics.java');
  if (!existsSync(candidate)) return null;
  const src = readFileSync(candidate, 'utf8');
  const names = [...src.matchAll(/public static final String \w+ = "([^"]+)";/g)].map((x) => x[1]);
  const suffix = (src.match(/DEAD_LETTER_SUFFIX = "([^"]+)"/) || [])[1] || '.dlt';
  return names.flatMap((n) => [n, n + suffix]);
}
const contractTopics = topicNamesFromContracts();
if (!contractTopics) console.log('  note: contracts Topics.java not found, topic names not compared');

function matches(selector, labels) {
  return selector && Object.keys(selector).length > 0
    && Object.entries(selector).every(([k, v]) => labels && labels[k] === v);
}

for (const { file, docs } of perFile) {
  const f = basename(file);
  const env = envOf.get(file);
  const of = (kind) => docs.filter((d) => d.kind === kind);
  const named = (kind, name) => docs.find((d) => d.kind === kind && d.metadata && d.metadata.name === name);
  const where = (d) => `${f} ${d.kind}/${d.metadata && d.metadata.name}`;

  for (const s of of('Secret')) fail(where(s), 'a Secret in the manifests: create Secrets out of band (README.md)');

  const workloads = [...of('Deployment'), ...of('Job'), ...of('StatefulSet')];
  for (const w of workloads) {
    const pod = w.spec && w.spec.template && w.spec.template.spec;
    if (!pod) continue;
    if (!(pod.securityContext && pod.securityContext.runAsNonRoot === true)) {
      fail(where(w), 'pod securityContext.runAsNonRoot must be true');
    }
    const volumeConfigMaps = (pod.volumes || []).filter((v) => v.configMap).map((v) => v.configMap.name);
    for (const c of pod.containers || []) {
      const cw = `${where(w)} container ${c.name}`;
      if (!c.image || !/:[^/]+$/.test(c.image) || /:latest$/.test(c.image)) {
        fail(cw, `image "${c.image}" needs an explicit tag other than latest (set it in the overlay)`);
      }
      const r = c.resources || {};
      for (const k of ['requests', 'limits']) {
        for (const res of ['cpu', 'memory']) {
          if (!(r[k] && r[k][res] !== undefined)) fail(cw, `resources.${k}.${res} missing`);
        }
      }
      const sc = c.securityContext || {};
      if (sc.readOnlyRootFilesystem !== true) fail(cw, 'securityContext.readOnlyRootFilesystem must be true');
      if (sc.allowPrivilegeEscalation !== false) fail(cw, 'securityContext.allowPrivilegeEscalation must be false');
      if (w.kind === 'Deployment') {
        for (const p of ['readinessProbe', 'livenessProbe']) if (!c[p]) fail(cw, `${p} missing`);
      }
      const refs = [
        ...(c.envFrom || []).filter((e) => e.configMapRef).map((e) => [e.configMapRef.name, e.configMapRef.optional]),
        ...(c.env || []).filter((e) => e.valueFrom && e.valueFrom.configMapKeyRef)
          .map((e) => [e.valueFrom.configMapKeyRef.name, e.valueFrom.configMapKeyRef.optional]),
        ...volumeConfigMaps.map((n) => [n, false]),
      ];
      for (const [name, optional] of refs) {
        if (!optional && !named('ConfigMap', name)) fail(cw, `ConfigMap "${name}" is not in the manifests`);
      }
    }
  }

  for (const s of of('Service')) {
    if (!s.spec || !s.spec.selector) continue; // a Service without selector has its endpoints set by hand
    const target = of('Deployment').find((d) => matches(s.spec.selector, d.spec.template.metadata.labels));
    if (!target) { fail(where(s), 'selector matches no Deployment'); continue; }
    const portNames = target.spec.template.spec.containers.flatMap((c) => (c.ports || []).map((p) => p.name));
    for (const p of s.spec.ports || []) {
      if (typeof p.targetPort === 'string' && !portNames.includes(p.targetPort)) {
        fail(where(s), `targetPort "${p.targetPort}" is not a container port of ${target.metadata.name}`);
      }
    }
  }

  for (const ing of of('Ingress')) {
    for (const rule of ing.spec.rules || []) {
      for (const p of (rule.http && rule.http.paths) || []) {
        const b = p.backend.service;
        const svc = b && named('Service', b.name);
        if (!svc) { fail(where(ing), `${rule.host}${p.path}: Service "${b && b.name}" is not in the manifests`); continue; }
        const ok = svc.spec.ports.some((sp) => (b.port.name ? sp.name === b.port.name : sp.port === b.port.number));
        if (!ok) fail(where(ing), `${rule.host}${p.path}: Service ${b.name} has no port ${JSON.stringify(b.port)}`);
      }
    }
  }

  for (const pdb of of('PodDisruptionBudget')) {
    const sel = pdb.spec.selector && pdb.spec.selector.matchLabels;
    if (!of('Deployment').some((d) => matches(sel, d.spec.template.metadata.labels))) {
      fail(where(pdb), 'selector matches no Deployment');
    }
    if (env === 'prod' && !(pdb.spec.minAvailable >= 1)) fail(where(pdb), 'prod: minAvailable must be at least 1');
  }

  const topics = of('KafkaTopic');
  const partitions = topics.map((t) => t.spec.partitions).filter((n) => Number.isInteger(n));
  for (const hpa of of('HorizontalPodAutoscaler')) {
    const ref = hpa.spec.scaleTargetRef;
    if (!named(ref.kind, ref.name)) fail(where(hpa), `scaleTargetRef ${ref.kind}/${ref.name} is not in the manifests`);
    const min = hpa.spec.minReplicas ?? 1;
    const max = hpa.spec.maxReplicas;
    if (min > max) fail(where(hpa), `minReplicas ${min} > maxReplicas ${max}`);
    if (partitions.length && max > Math.min(...partitions)) {
      fail(where(hpa), `maxReplicas ${max} > ${Math.min(...partitions)} topic partitions: the extra consumers would idle`);
    }
    if (env === 'prod' && min < 2) fail(where(hpa), 'prod: minReplicas must be at least 2');
    if (env === 'dev' && min !== 1) fail(where(hpa), 'dev: minReplicas must be 1');
  }

  const kafkas = of('Kafka').map((k) => k.metadata.name);
  for (const r of [...topics, ...of('KafkaNodePool')]) {
    const cluster = r.metadata.labels && r.metadata.labels['strimzi.io/cluster'];
    if (!kafkas.includes(cluster)) fail(where(r), `strimzi.io/cluster "${cluster}" names no Kafka in the manifests`);
  }
  const brokers = of('KafkaNodePool').filter((p) => (p.spec.roles || []).includes('broker'))
    .reduce((n, p) => n + (p.spec.replicas || 0), 0);
  for (const k of of('Kafka')) {
    const config = (k.spec.kafka && k.spec.kafka.config) || {};
    for (const key of ['default.replication.factor', 'min.insync.replicas', 'offsets.topic.replication.factor',
      'transaction.state.log.replication.factor', 'transaction.state.log.min.isr']) {
      if (brokers && config[key] > brokers) fail(where(k), `${key} ${config[key]} > ${brokers} broker${brokers > 1 ? 's' : ''}`);
    }
  }
  const kafkaClient = docs.find((d) => d.kind === 'ConfigMap' && d.metadata.name.startsWith('podium-kafka'));
  for (const t of topics) {
    const { replicas, partitions: parts, config = {} } = t.spec;
    if (brokers && replicas > brokers) fail(where(t), `replicas ${replicas} > ${brokers} brokers`);
    if (config['min.insync.replicas'] > replicas) {
      fail(where(t), `min.insync.replicas ${config['min.insync.replicas']} > replicas ${replicas}: no write would succeed`);
    }
    if (kafkaClient) {
      const d = kafkaClient.data || {};
      if (String(parts) !== d.KAFKA_TOPIC_PARTITIONS || String(replicas) !== d.KAFKA_TOPIC_REPLICATION_FACTOR) {
        fail(where(t), `partitions/replicas ${parts}/${replicas} differ from the services' KAFKA_TOPIC_PARTITIONS/`
          + `KAFKA_TOPIC_REPLICATION_FACTOR ${d.KAFKA_TOPIC_PARTITIONS}/${d.KAFKA_TOPIC_REPLICATION_FACTOR}`);
      }
    }
  }
  // Network trust (README.md, "Operations"): X-Forwarded-For trusted from the ingress controller's
  // addresses only; the services, MySQL and Kafka reachable only by whom they serve.
  for (const cm of of('ConfigMap')) {
    const proxies = cm.data && cm.data.HTTP_TRUSTED_PROXIES;
    if (proxies === undefined) continue;
    for (const entry of proxies.split(',').map((x) => x.trim()).filter(Boolean)) {
      const v6 = entry.includes(':');
      const m = entry.match(/\/(\d+)$/);
      const bits = m ? Number(m[1]) : (v6 ? 128 : 32);
      const widest = v6 ? 64 : 24;
      if (bits < widest) {
        fail(where(cm), `HTTP_TRUSTED_PROXIES ${entry} is wider than /${widest}: trust the ingress controller's addresses only`);
      }
    }
  }
  const policies = of('NetworkPolicy').filter((p) => (p.spec.policyTypes || ['Ingress']).includes('Ingress'));
  const covering = (labels) => policies.filter((p) => matches((p.spec.podSelector || {}).matchLabels, labels));
  // The gateway (component gateway) is reached by the ingress controller only; the services
  // (component api) by the gateway only (and the monitoring namespace).
  const reachedBy = { api: 'only the gateway should', gateway: 'only the ingress controller should' };
  for (const d of of('Deployment')) {
    const labels = d.spec.template.metadata.labels || {};
    const component = labels['app.kubernetes.io/component'];
    if (!(component in reachedBy)) continue;
    const own = covering(labels);
    if (!own.length) fail(where(d), `no NetworkPolicy limits who reaches it (${reachedBy[component]})`);
    for (const p of own) {
      for (const rule of p.spec.ingress || []) {
        if (!rule.from || !rule.from.length) fail(where(p), 'an ingress rule without "from" lets every pod reach the services');
        for (const peer of rule.from || []) {
          const open = peer.ipBlock || (peer.namespaceSelector && !Object.keys(peer.namespaceSelector.matchLabels || {}).length
            && !(peer.namespaceSelector.matchExpressions || []).length);
          if (open) fail(where(p), 'a peer that matches any namespace or address lets more than the ingress reach the services');
        }
      }
    }
  }
  for (const c of of('InnoDBCluster')) {
    for (const component of ['mysqlrouter', 'mysqld']) {
      if (!covering({ 'mysql.oracle.com/cluster': c.metadata.name, component }).length) {
        fail(where(c), `no NetworkPolicy limits who reaches its ${component} pods`);
      }
    }
  }
  for (const k of of('Kafka')) {
    for (const l of (k.spec.kafka && k.spec.kafka.listeners) || []) {
      const peers = l.networkPolicyPeers || [];
      if (!peers.length || peers.some((peer) => !peer.podSelector || !Object.keys(peer.podSelector.matchLabels || {}).length)) {
        fail(where(k), `listener ${l.name}: no networkPolicyPeers limited to the services' pods, every pod reaches it`);
      }
    }
  }

  if (contractTopics && topics.length) {
    const declared = topics.map((t) => t.spec.topicName || t.metadata.name);
    for (const name of contractTopics) if (!declared.includes(name)) fail(`${f} KafkaTopic`, `${name} (Topics.java) has no KafkaTopic`);
    for (const name of declared) if (!contractTopics.includes(name)) fail(`${f} KafkaTopic/${name}`, 'not a topic of Topics.java');
  }
}

console.log(`${documentCount} documents in ${files.length} file(s), ${strictChecks.length} type-checked for unknown fields: `
  + (errorCount === 0 ? 'all valid' : `${errorCount} error(s)`));
process.exit(errorCount === 0 ? 0 : 1);
