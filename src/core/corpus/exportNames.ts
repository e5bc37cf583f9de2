/**
 * Names for exporting several pages into one folder: each page's path relative to the pages' deepest
 * common folder, with its extension replaced, so a/page.txt and b/page.txt do not overwrite each other.
 * Paths are '/'-separated (URI paths).
 */
export function exportNames(pagePaths: readonly string[], extension: string): string[] {
  if (pagePaths.length === 0) return [];
  const dirs = pagePaths.map(p => p.split('/').slice(0, -1));
  let common = dirs[0].length;
  for (const d of dirs) {
    let i = 0;
    while (i < common && i < d.length && d[i] === dirs[0][i]) i++;
    common = i;
  }
  return pagePaths.map(p => {
    const rest = p.split('/').slice(common).join('/');
    return rest.replace(/\.[^./]*$/, '') + extension;
  });
}
