// What a browser without JavaScript posts for a page's form, read from its HTML in tests: each
// input's value, each select's selected option, each textarea's text (React's markup is regular).
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decode(match[1]!) : undefined;
};

/** The fields of the form posting to `action` (the first form when none is named). */
export function formFields(html: string, action?: string): Record<string, string> {
  const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
  const form = action === undefined ? forms[0] : forms.find((candidate) => attribute(/<form[^>]*>/.exec(candidate)![0], 'action') === action);
  if (!form) throw new Error(`no form posting to ${action}`);
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    if (name !== undefined && !(name in fields)) fields[name] = attribute(tag, 'value') ?? '';
  }
  for (const [, tag, body] of form.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
    const options = [...body!.matchAll(/<option\b[^>]*>/g)].map(([option]) => option);
    const chosen = options.find((option) => /\sselected=""/.test(option)) ?? options[0];
    fields[attribute(tag!, 'name')!] = chosen ? (attribute(chosen, 'value') ?? '') : '';
  }
  for (const [, tag, body] of form.matchAll(/(<textarea\b[^>]*>)([\s\S]*?)<\/textarea>/g)) fields[attribute(tag!, 'name')!] = decode(body!);
  return fields;
}

/** A form post's request options. */
export function formPost(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return { headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() };
}
