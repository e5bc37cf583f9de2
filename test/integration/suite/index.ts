// The tests module both runners load inside the extension host (@vscode/test-electron's contract):
// `run()` resolves when every test passed and rejects otherwise.
import Mocha = require('mocha');
import { readdirSync } from 'fs';
import { join } from 'path';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    // BIAOZHU_TEST_GREP narrows a run while debugging (code-server passes its environment to the host).
    grep: process.env.BIAOZHU_TEST_GREP || undefined,
  });
  for (const f of readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run(failures => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}
