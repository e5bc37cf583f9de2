import * as assert from 'assert';
import { TagTable } from '../../src/core/tagTable';

/** Dictionaries in jieba's two formats, written for this test. */
const main = '云计算 300 n\n北京 2000 ns\n张伟 50 nr\n北京 10 v\n';
const user = '蓝翔 nz\n区块链 10 n\n单独词\n数字词 12\n';
const probes = ['云计算', '北京', '张伟', '蓝翔', '区块链', '单独词', '数字词', '不在表里', 'abc', '12', 'a1', '北'];

function lookups(t: TagTable): string[] {
  return probes.map(w => `${w}:${t.id(w)}:${t.tagOf(w, t.id(w))}`);
}

describe('tag table: stored form (dist/tagTable.bin)', () => {
  const built = TagTable.fromDictionaries([main, user]);
  const key = TagTable.keyOf([main.length, user.length]);

  it('reads back to a table that gives the same ids and tags as the one built from the dictionaries', () => {
    const bytes = built.encode(key);
    const read = TagTable.decode(bytes, key);
    assert.ok(read);
    assert.strictEqual(read.size, built.size);
    assert.deepStrictEqual(lookups(read), lookups(built));
    // First entry wins for a duplicated word; the user dictionary's tag column and bare words are kept.
    assert.deepStrictEqual(lookups(read).slice(0, 7), ['云计算:0:n', '北京:1:ns', '张伟:2:nr', '蓝翔:4:nz', '区块链:5:n', '单独词:6:x', '数字词:7:x']);
  });

  it('reads from a buffer that does not start on a 4-byte boundary', () => {
    const bytes = built.encode(key);
    const shifted = new Uint8Array(bytes.byteLength + 1);
    shifted.set(bytes, 1);
    const read = TagTable.decode(shifted.subarray(1), key);
    assert.ok(read);
    assert.deepStrictEqual(lookups(read), lookups(built));
  });

  it('refuses a table made for other dictionaries, a truncated file and bytes that are no table', () => {
    const bytes = built.encode(key);
    assert.strictEqual(TagTable.decode(bytes, TagTable.keyOf([main.length + 1, user.length])), undefined);
    assert.strictEqual(TagTable.decode(bytes.subarray(0, bytes.byteLength - 4), key), undefined);
    assert.strictEqual(TagTable.decode(new TextEncoder().encode('not a table at all, just text'), key), undefined);
    assert.strictEqual(TagTable.decode(new Uint8Array(3), key), undefined);
  });
});
