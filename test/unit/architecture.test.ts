import * as assert from 'assert';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { repoRoot } from '../helpers/schema';

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const importRe = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(importRe)].map(m => m[1] ?? m[2] ?? m[3]);
}

describe('architecture', () => {
  const rules: Array<[string, RegExp, string]> = [
    ['src/core', /^vscode$|\/extension\/|\/webview\/|\/formats\//, 'the core stays pure: no vscode, no adapters'],
    ['src/formats', /^vscode$|\/extension\/|\/webview\//, 'formats are plug-ins over the core'],
    ['src/protocol', /^vscode$|\/extension\/|\/webview\/|^fs$|^path$/, 'protocol holds message types only'],
    ['src/webview', /^vscode$|\/extension\/|^fs$|^path$|^child_process$|^nodejieba$/, 'the panel is browser-only'],
  ];
  for (const [folder, forbidden, why] of rules) {
    it(`${folder} imports nothing forbidden (${why})`, () => {
      const dir = join(repoRoot, folder);
      let files: string[] = [];
      try { files = tsFiles(dir); } catch { /* folder not there yet */ }
      const bad = files.flatMap(f => importsOf(f).filter(i => forbidden.test(i)).map(i => `${relative(repoRoot, f)} imports ${i}`));
      assert.deepStrictEqual(bad, []);
    });
  }

  it('the import scanner catches a vscode import', () => {
    const sample = "import * as vscode from 'vscode';\nconst x = require('vscode');";
    assert.deepStrictEqual([...sample.matchAll(importRe)].map(m => m[1] ?? m[2] ?? m[3]), ['vscode', 'vscode']);
  });
});
