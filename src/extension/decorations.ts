/**
 * Editor decorations: one decoration type per label × status (suggested looks different from accepted;
 * rejected is not drawn; a suggestion whose confidence is below `biaozhu.confidence.faintBelow` has its
 * own fainter type), one for article starts and one for column breaks. Types are created once per
 * label set and disposed; colours are contributed theme colours for built-in labels and the configured
 * colour for custom ones. Edits are debounced; an editor switch applies at once. On a page with very many
 * annotations only a window around the visible part is drawn, and drawn again as scrolling leaves it:
 * tens of thousands of ranges cost the host over half a second per redraw.
 * A span that encloses another (a user's nested tag) is drawn as an outline (`LABEL.outer`) so the inner
 * span's fill stays legible; each relation's source gets an inline hint after it (`→任职「…」`).
 */
import * as vscode from 'vscode';
import { enclosingIds, relationHints } from '../core/drawing';
import type { Annotation, LabelDef } from '../core/types';
import type { Config } from './config';
import { lineRangeAt, toRange } from './ranges';
import { Disposable } from './util/disposable';
import { inWindow, leftWindow, windowAround, type TextWindow } from './util/visibleWindow';
import type { AnnotationStore } from './store';

const DEBOUNCE_MS = 80;
/** Above this many annotations only a window around the visible part is drawn. */
const VISIBLE_FIRST_THRESHOLD = 3000;
const BUILTIN_COLOUR_IDS = new Set(['PER', 'LOC', 'ORG', 'WORK', 'NUMBER']);
/**
 * Faint suggestions keep their label colour but draw the text at this opacity with a dotted outline: the
 * opacity is relative to the theme's own foreground, so the text stays readable in light, dark and high contrast.
 */
const FAINT_OPACITY = '0.6';

type Ranges = Record<string, vscode.Range[]>;

interface LabelColours {
  background: string | vscode.ThemeColor;
  suggested: string | vscode.ThemeColor;
  border: string | vscode.ThemeColor;
}

function hex6(color: string): string {
  return color.length === 4 ? `#${color[1]}${color[1]}${color[2]}${color[2]}${color[3]}${color[3]}` : color;
}

/**
 * A built-in label keeps its themable colours (light, dark, high contrast) unless settings give it another
 * colour; a custom label uses its configured colour; an unknown label (from an import) a neutral one.
 */
function coloursOf(label: Pick<LabelDef, 'id' | 'color'> | undefined, id: string, builtins: ReadonlyMap<string, string>): LabelColours {
  if (BUILTIN_COLOUR_IDS.has(id) && (!label || builtins.get(id) === label.color)) {
    const base = `biaozhu.${id.toLowerCase()}`;
    return { background: new vscode.ThemeColor(`${base}.background`), suggested: new vscode.ThemeColor(`${base}.suggestedBackground`), border: new vscode.ThemeColor(`${base}.border`) };
  }
  if (!label || !/^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$/.test(label.color)) {
    return { background: new vscode.ThemeColor('biaozhu.other.background'), suggested: new vscode.ThemeColor('biaozhu.other.suggestedBackground'), border: new vscode.ThemeColor('biaozhu.other.border') };
  }
  const c = hex6(label.color);
  return { background: `${c}55`, suggested: `${c}22`, border: c };
}

export class Decorations extends Disposable {
  private types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly structure: Record<'article' | 'columnBreak' | 'relation', vscode.TextEditorDecorationType>;
  private readonly applied = new WeakMap<vscode.TextEditor, Ranges>();
  /** The offsets drawn in an editor showing a window of a huge page. */
  private readonly windows = new WeakMap<vscode.TextEditor, TextWindow>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private enabled: boolean;
  private readonly builtinColours: ReadonlyMap<string, string>;
  /** How long the last redraws took on the host (ms), newest last: the keystroke figure of `npm test`. */
  private readonly drawMs: number[] = [];
  private draws = 0;
  /** Fires with a page's URI after its scheduled redraw ran. */
  private readonly drawn = this._register(new vscode.EventEmitter<string>());

  constructor(private readonly store: AnnotationStore, private readonly config: Config, builtins: readonly LabelDef[]) {
    super();
    this.builtinColours = new Map(builtins.map(l => [String(l.id), l.color]));
    this.enabled = config.value.highlights.enabled;
    this.structure = {
      article: vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        borderWidth: '2px 0 0 0',
        borderStyle: 'solid',
        borderColor: new vscode.ThemeColor('biaozhu.articleRule'),
        overviewRulerColor: new vscode.ThemeColor('biaozhu.articleRule'),
        overviewRulerLane: vscode.OverviewRulerLane.Full,
      }),
      columnBreak: vscode.window.createTextEditorDecorationType({
        after: { contentText: ' ⏎⋯', color: new vscode.ThemeColor('biaozhu.columnBreak'), fontStyle: 'italic' },
        overviewRulerColor: new vscode.ThemeColor('biaozhu.columnBreak'),
        overviewRulerLane: vscode.OverviewRulerLane.Left,
      }),
      // Its text and style are given per hint (DecorationOptions.renderOptions).
      relation: vscode.window.createTextEditorDecorationType({}),
    };
    for (const t of Object.values(this.structure)) this._register(t);
    this._register({
      dispose: () => {
        for (const t of this.pending.values()) clearTimeout(t);
        for (const t of this.types.values()) t.dispose();
      },
    });
    this.createLabelTypes();
    this._register(store.onDidChange(state => this.schedule(state.uri)));
    for (const d of [

      vscode.window.onDidChangeVisibleTextEditors(editors => editors.forEach(e => this.apply(e))),
      vscode.window.onDidChangeActiveTextEditor(e => { if (e) this.apply(e); }),
      vscode.window.onDidChangeTextEditorVisibleRanges(e => {
        const window = this.windows.get(e.textEditor);
        if (window && leftWindow(e.textEditor, window)) this.schedule(e.textEditor.document.uri);
      }),
      config.onDidChange(changed => {
        if (changed.has('highlights')) this.enabled = config.value.highlights.enabled;
        if (changed.has('confidence') && !changed.has('labels') && !changed.has('highlights')) this.applyAll();
        if (changed.has('labels') || changed.has('highlights')) {
          this.createLabelTypes();
          this.applyAll();
        }
      }),
    ]) this._register(d);
  }

  toggle(): boolean {
    this.enabled = !this.enabled;
    this.applyAll();
    return this.enabled;
  }

  /** The ranges last passed to setDecorations in `editor`, by decoration name. */
  rangesOf(editor: vscode.TextEditor): Ranges {
    const found = this.applied.get(editor) ?? vscode.window.visibleTextEditors.filter(e => e.document === editor.document).map(e => this.applied.get(e)).find(Boolean);
    return found ? Object.fromEntries(Object.entries(found).map(([k, v]) => [k, [...v]])) : {};
  }

  isIdle(uri: vscode.Uri): boolean {
    return !this.pending.has(uri.toString());
  }

  /** Resolves once no redraw of `uri` is scheduled. */
  whenIdle(uri: vscode.Uri): Promise<void> {
    if (this.isIdle(uri)) return Promise.resolve();
    return new Promise(resolve => {
      const sub = this.drawn.event(key => {
        if (key !== uri.toString() || !this.isIdle(uri)) return;
        sub.dispose();
        resolve();
      });
    });
  }

  private createLabelTypes(): void {
    for (const t of this.types.values()) t.dispose();
    this.types = new Map();
    for (const label of this.config.value.labels) this.addLabelTypes(String(label.id), label);
  }

  private addLabelTypes(id: string, label: LabelDef | undefined): void {
    const colours = coloursOf(label, id, this.builtinColours);
    const style = this.config.value.highlights.suggestedStyle;
    this.types.set(`${id}.accepted`, vscode.window.createTextEditorDecorationType({
      backgroundColor: colours.background,
      borderRadius: '2px',
      overviewRulerColor: colours.border,
      overviewRulerLane: vscode.OverviewRulerLane.Right,
    }));
    this.types.set(`${id}.suggested`, vscode.window.createTextEditorDecorationType({
      backgroundColor: colours.suggested,
      ...(style === 'dashed' ? { border: '1px dashed', borderColor: colours.border, borderRadius: '2px' } : {}),
      ...(style === 'underline' ? { borderWidth: '0 0 2px 0', borderStyle: 'dashed', borderColor: colours.border } : {}),
    }));
    this.types.set(`${id}.outer`, vscode.window.createTextEditorDecorationType({
      border: '1px solid',
      borderColor: colours.border,
      borderRadius: '3px',
      overviewRulerColor: colours.border,
      overviewRulerLane: vscode.OverviewRulerLane.Right,
    }));
    this.types.set(`${id}.faint`, vscode.window.createTextEditorDecorationType({
      backgroundColor: colours.suggested,
      opacity: FAINT_OPACITY,
      ...(style === 'underline' ? { borderWidth: '0 0 1px 0', borderStyle: 'dotted', borderColor: colours.border } : {}),
      ...(style === 'dashed' ? { border: '1px dotted', borderColor: colours.border, borderRadius: '2px' } : {}),
    }));
  }

  /** The decoration a drawn annotation belongs to: its label's outline, faint type, or status. */
  private keyOf(a: Annotation, faintBelow: number, outer: ReadonlySet<string>): string {
    if (outer.has(a.id)) return `${a.label}.outer`;
    return a.status === 'suggested' && a.confidence !== undefined && a.confidence < faintBelow ? `${a.label}.faint` : `${a.label}.${a.status}`;
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.pending.has(key)) return;
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      try {
        for (const e of vscode.window.visibleTextEditors) if (e.document.uri.toString() === key) this.apply(e);
      } finally {
        this.drawn.fire(key);
      }
    }, DEBOUNCE_MS));
  }

  private applyAll(): void {
    for (const e of vscode.window.visibleTextEditors) this.apply(e);
  }

  /** How many redraws ran, and the host time of the last ones (at most 100, oldest first). */
  drawStats(): { count: number; recent: number[] } {
    return { count: this.draws, recent: [...this.drawMs] };
  }

  /** Draws everything for `editor`, if it is still visible, and records how long that took. */
  private apply(editor: vscode.TextEditor): void {
    if (!vscode.window.visibleTextEditors.includes(editor)) return;
    const started = performance.now();
    this.redraw(editor);
    this.draws++;
    this.drawMs.push(performance.now() - started);
    if (this.drawMs.length > 100) this.drawMs.shift();
  }

  private redraw(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const state = this.store.get(doc.uri);
    const ranges: Ranges = {};
    for (const key of this.types.keys()) ranges[key] = [];
    ranges.article = [];
    ranges.columnBreak = [];
    ranges.relation = [];
    const length = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
    const all = state && this.enabled ? state.annotations : [];
    // A huge page draws a window around what is visible first; one pass, no string built per item
    // (this loop runs over every annotation of a 5 MB page on the host's event loop).
    const window = all.length > VISIBLE_FIRST_THRESHOLD ? windowAround(editor) : undefined;
    const labels = new Set<string>();
    const drawn: Annotation[] = [];
    for (const a of all) {
      if (a.status === 'rejected' || a.end > length) continue;
      labels.add(a.label);
      if (!window || inWindow(window, a.start, a.end)) drawn.push(a);
    }
    for (const label of labels) {
      if (this.types.has(`${label}.suggested`)) continue;
      this.addLabelTypes(label, this.config.value.labels.find(l => l.id === label));
      ranges[`${label}.suggested`] = [];
      ranges[`${label}.accepted`] = [];
      ranges[`${label}.faint`] = [];
      ranges[`${label}.outer`] = [];
    }
    if (window) this.windows.set(editor, window);
    else this.windows.delete(editor);
    this.draw(editor, ranges, drawn);
  }

  private draw(editor: vscode.TextEditor, empty: Ranges, annotations: readonly Annotation[]): void {
    if (!vscode.window.visibleTextEditors.includes(editor)) return;
    const doc = editor.document;
    const state = this.store.get(doc.uri);
    const ranges: Ranges = Object.fromEntries(Object.keys(empty).map(k => [k, [] as vscode.Range[]]));
    const faintBelow = this.config.value.confidence.faintBelow;
    const outer = enclosingIds(annotations);
    for (const a of annotations) ranges[this.keyOf(a, faintBelow, outer)]?.push(toRange(doc, a));
    let hints: vscode.DecorationOptions[] = [];
    if (state && this.enabled) {
      ranges.article = state.articles.map(a => lineRangeAt(doc, a.start));
      ranges.columnBreak = state.columnBreaks.map(c => new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.start)));
      hints = state.relations.length === 0 ? [] : relationHints(state.relations, annotations).map(h => {
        const at = doc.positionAt(h.source.end);
        return {
          range: new vscode.Range(at, at),
          renderOptions: { after: { contentText: ` ${h.text}`, color: new vscode.ThemeColor('biaozhu.relationHint'), fontStyle: h.suggested ? 'italic' : 'normal' } },
        };
      });
      ranges.relation = hints.map(h => h.range);
    }
    for (const [key, type] of this.types) editor.setDecorations(type, ranges[key] ?? []);
    editor.setDecorations(this.structure.article, ranges.article);
    editor.setDecorations(this.structure.columnBreak, ranges.columnBreak);
    editor.setDecorations(this.structure.relation, hints);
    this.applied.set(editor, ranges);
  }
}
