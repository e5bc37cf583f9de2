import { strict as assert } from 'assert';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { ACTION_MESSAGES } from '../../src/core/actions';
import { PANEL_STRINGS } from '../../src/webview/strings';

const root = join(__dirname, '..', '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap(name => {
    const rel = `${dir}/${name}`;
    return statSync(join(root, rel)).isDirectory() ? sources(rel) : rel.endsWith('.ts') ? [rel] : [];
  });
}

/** The message of every `vscode.l10n.t('…')` call with a literal message (the only kind the bundles can translate). */
function messages(): Map<string, string> {
  const found = new Map<string, string>();
  const call = /l10n\.t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/gs;
  for (const file of sources('src')) {
    for (const m of read(file).matchAll(call)) {
      const text = m[1] === '`' ? m[2] : JSON.parse(`"${m[2].replace(/\\'/g, "'").replace(/"/g, '\\"')}"`);
      found.set(text, file);
    }
  }
  // The side panel's table is localised on the host value by value (src/extension/panel/strings.ts).
  for (const text of Object.values(PANEL_STRINGS)) found.set(text, 'src/webview/strings.ts');
  // Descriptions of annotation actions (undo/redo messages) are localised on the host as they are shown.
  for (const text of ACTION_MESSAGES) found.set(text, 'src/core/actions.ts');
  return found;
}

describe('localisation (English and 简体中文)', () => {
  const used = messages();
  const en = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, string>;
  const zh = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;

  it('finds the messages of the extension', () => {
    assert.ok(used.size > 50, `only ${used.size} messages found`);
  });

  it('has every message in both bundles', () => {
    const missing = [...used.keys()].flatMap(k => [...(k in en ? [] : [`en: ${k} (${used.get(k)})`]), ...(k in zh ? [] : [`zh-cn: ${k} (${used.get(k)})`])]);
    assert.deepEqual(missing, []);
  });

  it('keeps no message nobody uses, and the same keys in both bundles', () => {
    assert.deepEqual(Object.keys(en).filter(k => !used.has(k)), []);
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  });

  it('keeps the placeholders of each message in its translation', () => {
    const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join(',');
    const broken = Object.keys(en).filter(k => k in zh && holes(k) !== holes(zh[k]));
    assert.deepEqual(broken, []);
  });

  it('has every %key% of package.json in package.nls.json and package.nls.zh-cn.json', () => {
    const keys = [...new Set([...read('package.json').matchAll(/"%([^%"]+)%"/g)].map(m => m[1]))];
    assert.ok(keys.length > 20);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(read(file)) as Record<string, string>;
      assert.deepEqual(keys.filter(k => !(k in nls)), [], file);
    }
  });
});
