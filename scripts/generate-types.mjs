// TypeScript types of the file formats, generated from their JSON Schemas (the one source of truth), so that the
// types cannot drift from what ajv checks. `npm run types` rewrites them; test/schemas/types-up-to-date.test.ts
// fails when a schema changed and they were not regenerated.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Each schema, the name of its root type, and the generated file. */
export const TARGETS = [
  { schema: 'schemas/layer-4.5.schema.json', root: 'NavigatorLayer', out: 'lib/layer/layer.types.gen.ts' },
  { schema: 'schemas/campaign.schema.json', root: 'CampaignFile', out: 'lib/campaign/campaign-file.types.gen.ts' },
  { schema: 'schemas/detections.schema.json', root: 'DetectionsFile', out: 'lib/coverage/detections-file.types.gen.ts' },
  { schema: 'schemas/log-sources.schema.json', root: 'LogSourcesFile', out: 'lib/coverage/log-sources-file.types.gen.ts' },
];

const BANNER = (schema) =>
  `// Generated from ${schema} by scripts/generate-types.mjs (npm run types). Do not edit: change the schema.`;

/**
 * Shape a schema for the generator without changing what it accepts: only objects keep their `title` (and so become
 * named interfaces; leaves stay inline, with their description as JSDoc), and `if`/`then`/`else`, which the
 * generator ignores, becomes the `anyOf` of its two branches.
 */
function prepare(node) {
  if (Array.isArray(node)) {
    node.forEach(prepare);
    return;
  }
  if (!node || typeof node !== 'object') return;
  if (node.if && node.then && node.else) {
    node.anyOf = [node.then, node.else];
    delete node.if;
    delete node.then;
    delete node.else;
    delete node.type;
  }
  if (!(node.type === 'object' || node.properties) && 'title' in node) delete node.title;
  for (const [key, value] of Object.entries(node)) {
    if (!['enum', 'const', 'examples', 'default'].includes(key)) prepare(value);
  }
}

/** The generated text of every target, by output path. */
export async function generateTypes() {
  const files = {};
  for (const target of TARGETS) {
    const schema = JSON.parse(readFileSync(join(repo, target.schema), 'utf8'));
    prepare(schema);
    schema.title = target.root;
    files[target.out] = await compile(schema, target.root, {
      additionalProperties: false,
      ignoreMinAndMaxItems: true,
      bannerComment: BANNER(target.schema),
      style: { singleQuote: true, printWidth: 120 },
    });
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [out, text] of Object.entries(await generateTypes())) {
    writeFileSync(join(repo, out), text);
    console.log(out);
  }
}
