// A form posted over data that may have changed since it was filled (workflow.md, "Conflicts":
// no update is lost): a field still at the value the form was filled from was not changed by the
// person, and takes the value stored now; a field typed otherwise is the person's. The one rule
// of the project form and the list entry, over name → text maps (a checkbox as 'true' or '').

export interface OverStored {
  /** The posted values, each field the person did not change set to its value stored now. */
  values: Record<string, string>;
  /** The fields the person changed; without the values the form was filled from, every field posted. */
  changed: Set<string>;
}

export function overStored(
  posted: Readonly<Record<string, string>>,
  original: Readonly<Record<string, string>> | undefined,
  stored: Readonly<Record<string, string>>,
): OverStored {
  const values = { ...posted };
  const changed = new Set<string>();
  for (const [name, value] of Object.entries(posted)) {
    const filled = original?.[name];
    if (filled === undefined || value !== filled) changed.add(name);
    else if (name in stored) values[name] = stored[name]!;
  }
  return { values, changed };
}
