import * as assert from 'assert';
import { once } from 'events';
import { join } from 'path';
import { Worker } from 'worker_threads';
import { loadModel } from '../../src/core/entities/model';

describe('entities: one model for a pool of threads', () => {
  it('posts the tagger model as shared memory: a thread that adopts it sees this thread\'s tables, not a copy', async () => {
    const model = loadModel();
    const empty = model.keys.indexOf(0);
    const modelModule = join(__dirname, '..', '..', 'src', 'core', 'entities', 'model.js');
    const script = `
      const { parentPort, workerData } = require('worker_threads');
      const m = require(workerData.modelModule);
      m.adoptModel(workerData.model);
      parentPort.postMessage('adopted');
      parentPort.once('message', slot => parentPort.postMessage({ key: m.loadModel().keys[slot], features: m.loadModel().features }));`;
    const w = new Worker(script, { eval: true, workerData: { modelModule, model } });
    try {
      assert.strictEqual((await once(w, 'message'))[0], 'adopted');
      // Written after the model was posted: only shared memory shows it on the other side.
      model.keys[empty] = 12345;
      w.postMessage(empty);
      assert.deepStrictEqual((await once(w, 'message'))[0], { key: 12345, features: model.features });
    } finally {
      model.keys[empty] = 0;
      await w.terminate();
    }
  });
});
