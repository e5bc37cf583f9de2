/**
 * `serializeDocument` (src/core/documentJson.ts) cut into pieces: the same text, produced a few hundred
 * items at a time, so a caller on an event loop can yield between pieces while writing a huge sidecar.
 * `[...serializeDocumentChunks(doc)].join('')` equals `serializeDocument(doc)` (a unit test holds them together).
 * `doc` is an export-contract document, possibly with extra top-level keys (the sidecar's `orphans`);
 * `mapItem` may replace each array item as it is written.
 */
export function* serializeDocumentChunks(doc: Readonly<Record<string, unknown>>, itemsPerChunk = 500, mapItem?: (key: string, item: unknown) => unknown): Generator<string> {
  let out = '{\n';
  let first = true;
  for (const [key, value] of Object.entries(doc)) {
    if (value === undefined) continue;
    out += `${first ? '' : ',\n'}  ${JSON.stringify(key)}: `;
    first = false;
    if (!Array.isArray(value)) {
      out += JSON.stringify(value);
      continue;
    }
    if (value.length === 0) {
      out += '[]';
      continue;
    }
    out += '[\n';
    for (let i = 0; i < value.length; i += itemsPerChunk) {
      // Items are mapped a slice at a time (the sidecar adds each annotation's context), never all at once.
      const items = value.slice(i, i + itemsPerChunk).map(v => `    ${JSON.stringify(mapItem ? mapItem(key, v) : v) ?? 'null'}`);
      out += (i > 0 ? ',\n' : '') + items.join(',\n');
      yield out;
      out = '';
    }
    out += '\n  ]';
  }
  yield `${out}\n}\n`;
}
