// The policy tree and one policy, as data (no React). A policy code is read by its prefix
// levels: I-2-(1)-② sits under I, I-2 and I-2-(1). The document names only the leaves (施策);
// the levels above are shown by their codes, as the sheet prints nothing else for them.
import type { HyokaDocument } from '../../domain/model.js';
import { sheetEntries, sheetOf, type SheetEntry, type SheetRow } from '../../interchange/sheet-rows.js';

export interface PolicyRowView {
  no: number;
  projectKey: string;
  projectName: string;
  bureau?: string;
  division: string;
  /** 事業評価 of the year */
  grade?: string;
  suggestedGrade: string | null;
  course?: string;
}

/** 局施策評価 of the year, by one bureau. */
export interface PolicyGradeView {
  bureau?: string;
  grade?: string;
  improvement?: string;
}

export interface PolicyView {
  code: string;
  title: string;
  evaluations: PolicyGradeView[];
  rows: PolicyRowView[];
}

export interface PolicyTreeNode {
  /** The prefix of the codes under it: `I`, `I-2`, `I-2-(1)`, or a whole code. */
  code: string;
  /** Present where the prefix is itself a policy of the document. */
  policy?: PolicyView;
  children: PolicyTreeNode[];
}

export interface PoliciesView {
  fiscalYear: number;
  tree: PolicyTreeNode[];
  /** The same policies in document order (what the CSV lists). */
  policies: PolicyView[];
  /** Policies of the whole tree, when `policies` is a page of them. */
  total: number;
}

/** Which policies to show: `size` of them after the first `offset`, in document order. */
export interface PolicyRange {
  offset: number;
  size: number;
}

/**
 * The policy tree of the year, or the part of it that holds a range of its policies: a large
 * organization has thousands, and only the range's rows have their cells written.
 */
export function policiesView(doc: HyokaDocument, fiscalYear: number, range?: PolicyRange): PoliciesView {
  const entriesOf = new Map<string, SheetEntry[]>(doc.policies.map((policy) => [policy.code, []]));
  for (const entry of sheetEntries(doc, { fiscalYear })) {
    // Rows naming an unknown policy (a check finding) still appear, after the known ones.
    let entries = entriesOf.get(entry.placement.policy);
    if (!entries) entriesOf.set(entry.placement.policy, (entries = []));
    entries.push(entry);
  }
  const codes = [...entriesOf.keys()];
  const shown = range ? codes.slice(range.offset, range.offset + range.size) : codes;
  const rows = sheetOf(doc, { fiscalYear, entries: shown.flatMap((code) => entriesOf.get(code)!) }).rows;
  const rowsOf = new Map<string, SheetRow[]>(shown.map((code) => [code, []]));
  for (const row of rows) rowsOf.get(row.policy.code)!.push(row);
  const titles = new Map(doc.policies.map((policy) => [policy.code, policy.title]));
  const policies = shown.map((code) => policyOf(doc, code, fiscalYear, rowsOf.get(code)!, titles.get(code)));
  return { fiscalYear, tree: treeOf(policies), policies, total: codes.length };
}

/** One policy of the year; undefined when the document has neither the policy nor a row under it. */
export function policyView(doc: HyokaDocument, code: string, fiscalYear: number): PolicyView | undefined {
  const rows = sheetOf(doc, { fiscalYear, filter: { policy: code } }).rows;
  if (!doc.policies.some((policy) => policy.code === code) && rows.length === 0) return undefined;
  return policyOf(doc, code, fiscalYear, rows, doc.policies.find((policy) => policy.code === code)?.title);
}

/** A policy with its rows (those under it: `rows` holds no other policy's). */
function policyOf(doc: HyokaDocument, code: string, fiscalYear: number, rows: readonly SheetRow[], title: string | undefined): PolicyView {
  return {
    code,
    title: title ?? '',
    evaluations: (doc.policyEvaluations ?? [])
      .filter((evaluation) => evaluation.policy === code && evaluation.fiscalYear === fiscalYear)
      .map(({ bureau, grade, improvement }) => ({
        ...(bureau !== undefined && { bureau }),
        ...(grade !== undefined && { grade }),
        ...(improvement !== undefined && { improvement }),
      })),
    rows: rows.map(rowView),
  };
}

function rowView(row: SheetRow): PolicyRowView {
  return {
    no: row.no,
    projectKey: row.projectKey,
    projectName: row.projectName,
    ...(row.bureau !== undefined && { bureau: row.bureau }),
    division: row.division,
    ...(row.grade !== undefined && { grade: row.grade }),
    suggestedGrade: row.suggestedGrade,
    ...(row.course !== undefined && { course: row.course }),
  };
}

/** `I-2-(1)-②` → `I`, `I-2`, `I-2-(1)`, `I-2-(1)-②` */
export function codeLevels(code: string): string[] {
  const parts = code.split('-').filter((part) => part !== '');
  return parts.map((_, i) => parts.slice(0, i + 1).join('-'));
}

function treeOf(policies: readonly PolicyView[]): PolicyTreeNode[] {
  const roots: PolicyTreeNode[] = [];
  const nodes = new Map<string, PolicyTreeNode>();
  for (const policy of policies) {
    let siblings = roots;
    const levels = codeLevels(policy.code);
    if (levels.length === 0) levels.push(policy.code);
    for (const prefix of levels) {
      let node = nodes.get(prefix);
      if (!node) {
        node = { code: prefix, children: [] };
        nodes.set(prefix, node);
        siblings.push(node);
      }
      siblings = node.children;
    }
    nodes.get(levels[levels.length - 1]!)!.policy = policy;
  }
  return roots;
}

/** Rows by grade for a policy's summary: `順調 2、大変順調 1`. */
export function gradeTally(rows: readonly PolicyRowView[], scale: readonly string[]): { grade: string; rows: number }[] {
  const tally = scale.map((grade) => ({ grade, rows: rows.filter((row) => row.grade === grade).length }));
  return tally.filter((entry) => entry.rows > 0);
}
