// One input of an editing form as the page shows it: its name, its text (as stored or as
// typed), whether this user may change it, and the problems that stand beside it.
import type { Problem } from '../../interchange/messages.js';

export interface FormField {
  name: string;
  value: string;
  /** Shown as an input; otherwise as text (and not posted). */
  editable: boolean;
  problems: string[];
}

/** The fields named in `values`, each with the problems whose path is its name. */
export function formFields<K extends string>(values: Record<K, string>, problems: readonly Problem[], editable = true): Record<K, FormField> {
  const fields = {} as Record<K, FormField>;
  for (const name of Object.keys(values) as K[]) {
    fields[name] = { name, value: values[name], editable, problems: problems.filter((problem) => problem.path === name).map((problem) => problem.message) };
  }
  return fields;
}

/** The problems no field of `names` stands for. */
export function unplacedProblems(names: readonly string[], problems: readonly Problem[]): Problem[] {
  return problems.filter((problem) => !names.includes(problem.path));
}
