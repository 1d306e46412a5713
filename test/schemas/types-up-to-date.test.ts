import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateTypes, TARGETS } from '../../scripts/generate-types.mjs';
import { repoRoot } from '../helpers/attack.js';

describe('generated types (*.types.gen.ts)', function () {
  this.timeout(60_000);

  it('are what the schemas generate today (run `npm run types` after changing a schema)', async () => {
    const generated = await generateTypes();
    expect(Object.keys(generated)).to.deep.equal(TARGETS.map((target) => target.out));
    for (const [out, text] of Object.entries(generated)) {
      expect(readFileSync(join(repoRoot, out), 'utf8'), out).to.equal(text);
    }
  });

  it('type the layer fields the schema defines, with the schema\'s descriptions', () => {
    const text = readFileSync(join(repoRoot, 'lib/layer/layer.types.gen.ts'), 'utf8');
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas/layer-4.5.schema.json'), 'utf8')) as { properties: Record<string, { description?: string; $ref?: string }> };
    for (const [field, definition] of Object.entries(schema.properties)) {
      expect(text, field).to.match(new RegExp(`\\n  ${field}\\??: `));
      // A field that refers to a shared definition ($ref) carries that definition's description instead.
      if (definition.description && !definition.$ref) expect(text, field).to.contain(definition.description.slice(0, 40));
    }
  });
});
