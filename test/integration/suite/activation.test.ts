import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, getApi } from './util';

describe('activation', () => {
  it('activates and returns the test API', async () => {
    const api = await getApi();
    for (const fn of ['whenIdle', 'annotations', 'articles', 'orphans', 'decorations', 'sidecarUri', 'panelMessage'] as const) {
      assert.strictEqual(typeof api[fn], 'function', `api.${fn}`);
    }
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)!.isActive);
  });

  it('registers every contributed command', async () => {
    await getApi();
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes?: { commands?: { command: string }[] } };
    const contributed = (pkg.contributes?.commands ?? []).map(c => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(contributed.filter(c => !registered.has(c)), []);
  });
});
