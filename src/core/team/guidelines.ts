/**
 * The workspace's annotation guidelines (`.biaozhu/guidelines.md`), cut into one section per label and
 * per relation, for the hover, the panel and "Open Guidelines for Label". The file is plain Markdown:
 *
 *   # Labels                    (or: # 标签)
 *   ## ORG — Organisation       a level-2 heading starting with the label id
 *   The full official name …    the first paragraph is the definition
 *   ### Examples                (or: 例子 / 示例 / a paragraph "Examples:") list items below are examples
 *   - 拉萨市人民政府
 *   # Relations                 (or: # 关系)
 *   ## WORKS_FOR
 *
 * Level-2 headings under another level-1 heading are general sections (kind `other`, id = the heading).
 */
export interface GuidelineSection {
  kind: 'label' | 'relation' | 'other';
  /** The label or relation id (the heading's first word), or the heading text for other sections. */
  id: string;
  title: string;
  /** 0-based line of the heading, and the line after the section's last, in the file. */
  line: number;
  endLine: number;
  definition: string;
  examples: string[];
  /** The section's Markdown below its heading, trimmed. */
  body: string;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LABELS = /^(labels?|标签|实体)\b/i;
const RELATIONS = /^(relations?|关系)\b/i;
const EXAMPLES = /^(?:#{3,6}\s*)?(?:\*\*|__)?(examples?|例子|示例|例句)(?:\*\*|__)?\s*[:：]?\s*(?:\*\*|__)?$/i;
const ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;
const ID = /^[A-Za-z][A-Za-z0-9_-]*/;

export function parseGuidelines(markdown: string): GuidelineSection[] {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/);
  const sections: GuidelineSection[] = [];
  let group: GuidelineSection['kind'] = 'other';
  let fence = false;
  let current: { kind: GuidelineSection['kind']; id: string; title: string; line: number } | undefined;
  const close = (end: number) => {
    if (!current) return;
    sections.push({ ...current, endLine: end, ...contents(lines.slice(current.line + 1, end)) });
    current = undefined;
  };
  for (const [i, line] of lines.entries()) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const m = fence ? null : HEADING.exec(line);
    if (!m) continue;
    const level = m[1].length;
    const title = m[2];
    if (level === 1) {
      close(i);
      group = LABELS.test(title) ? 'label' : RELATIONS.test(title) ? 'relation' : 'other';
    } else if (level === 2) {
      close(i);
      const id = group === 'other' ? title : ID.exec(title)?.[0];
      current = { kind: id ? group : 'other', id: id ?? title, title, line: i };
    }
  }
  close(lines.length);
  return sections;
}

function contents(body: string[]): Pick<GuidelineSection, 'definition' | 'examples' | 'body'> {
  const examples: string[] = [];
  let inExamples = false;
  const paragraph: string[] = [];
  let definitionDone = false;
  for (const line of body) {
    const t = line.trim();
    if (EXAMPLES.test(t)) { inExamples = true; definitionDone = true; continue; }
    if (/^#{3,6}\s/.test(t)) inExamples = false;
    const item = ITEM.exec(line);
    if (inExamples && item) { examples.push(item[1].trim()); continue; }
    if (!definitionDone) {
      if (t === '' || item || /^#{3,6}\s/.test(t)) { if (paragraph.length) definitionDone = true; continue; }
      paragraph.push(t);
    }
  }
  return { definition: paragraph.join(' '), examples, body: body.join('\n').trim() };
}

/** The section for a label or relation id (exact id first, then case-insensitive). */
export function guidelineFor(sections: readonly GuidelineSection[], kind: 'label' | 'relation', id: string): GuidelineSection | undefined {
  return sections.find(s => s.kind === kind && s.id === id) ?? sections.find(s => s.kind === kind && s.id.toLowerCase() === id.toLowerCase());
}
