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
  // Markers the code-server runner checks, so a crashed or restarted extension host can never pass for a green run.
  console.log('BIAOZHU-SUITES-START');
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(failures => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        console.log(`BIAOZHU-SUITES-DONE ${JSON.stringify({ passes, failures, pending })}`);
        console.log(`integration: ${passes} passed, ${failures} failed, ${pending} skipped`);
        if (failures) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (e) {
      reject(e);
    }
  });
}
