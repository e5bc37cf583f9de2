import * as assert from 'assert';
import { csvCell, toCsv } from '../../src/core/corpus/csv';

describe('CSV export', () => {
  const cells: Array<[string, string | number | undefined, string]> = [
    ['plain text as is', '合作社', '合作社'],
    ['a comma quoted', 'a,b', '"a,b"'],
    ['quotes doubled', 'say "hi"', '"say ""hi"""'],
    ['a line break quoted', 'a\nb', '"a\nb"'],
    ['a carriage return quoted', 'a\rb', '"a\rb"'],
    ['a formula starting with = guarded', '=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['a leading + guarded', '+86', "'+86"],
    ['a leading - guarded', '-1+1', "'-1+1"],
    ['a leading @ guarded', '@cmd', "'@cmd"],
    ['a leading tab guarded', '\tx', "'\tx"],
    ['a guarded cell with a comma is also quoted', '=1,2', `"'=1,2"`],
    ['a negative number left a number', -3, '-3'],
    ['a fraction', 0.5, '0.5'],
    ['an empty cell', undefined, ''],
  ];
  for (const [name, input, expected] of cells) it(`writes ${name}`, () => assert.strictEqual(csvCell(input), expected));

  it('ends every record with CRLF, header first', () => {
    assert.strictEqual(toCsv(['a', 'b'], [[1, 'x'], ['y,z', 2]]), 'a,b\r\n1,x\r\n"y,z",2\r\n');
  });
});
