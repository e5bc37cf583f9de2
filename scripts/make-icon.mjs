// `npm run icon`: makes media/icon.png (the Marketplace icon, 128×128) from media/biaozhu.svg, the activity-bar
// glyph: the same strokes in white on a rounded vermilion square, which reads on light and dark pages alike.
// Needs rsvg-convert (Debian: apt-get install librsvg2-bin). The PNG is committed; rerun after changing the glyph.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './code-server.mjs';

const glyph = readFileSync(join(repoRoot, 'media', 'biaozhu.svg'), 'utf8');
const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(glyph)?.[1];
const attrs = /<svg([^>]*)>/.exec(glyph)?.[1] ?? '';
if (!inner) throw new Error('media/biaozhu.svg has no <svg> body');
// The glyph's own stroke settings, recoloured white and thickened for 128 px.
const stroke = attrs.match(/stroke-(linejoin|linecap)="[^"]*"/g)?.join(' ') ?? '';
const icon = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#e8590c"/><stop offset="1" stop-color="#c92a2a"/></linearGradient></defs>
  <rect x="4" y="4" width="120" height="120" rx="26" fill="url(#g)"/>
  <g transform="translate(16 16) scale(4)" fill="none" stroke="#ffffff" stroke-width="1.9" ${stroke}>${inner}</g>
</svg>`;
const out = join(repoRoot, 'media', 'icon.png');
const r = spawnSync('rsvg-convert', ['--width', '128', '--height', '128', '--format', 'png', '--output', out], { input: icon });
if (r.error || r.status !== 0) {
  console.error(`rsvg-convert failed (${r.error?.message ?? r.stderr}); on Debian: apt-get install librsvg2-bin`);
  process.exit(1);
}
console.log(`written ${out}`);
