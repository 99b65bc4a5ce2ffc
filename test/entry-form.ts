// A page's form (the list entry's unless named by its class) read as a browser without
// JavaScript would send it (text inputs, selected options, checked boxes, hidden fields,
// textareas), for the page tests.
export function entryFormFields(html: string, formClass = 'list-entry'): URLSearchParams {
  const form = html.slice(html.lastIndexOf('<form', html.indexOf(`class="${formClass}"`)));
  const fields = new URLSearchParams();
  const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const match of form.matchAll(/<input ([^>]*)>/g)) {
    const attributes = match[1]!;
    const name = /name="([^"]*)"/.exec(attributes)?.[1];
    if (!name) continue;
    if (attributes.includes('type="checkbox"') && !attributes.includes('checked')) continue;
    fields.set(decode(name), decode(/value="([^"]*)"/.exec(attributes)?.[1] ?? ''));
  }
  for (const match of form.matchAll(/<select ([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = /name="([^"]*)"/.exec(match[1]!)?.[1];
    if (name) fields.set(decode(name), decode(/<option value="([^"]*)" selected/.exec(match[2]!)?.[1] ?? ''));
  }
  for (const match of form.matchAll(/<textarea ([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = /name="([^"]*)"/.exec(match[1]!)?.[1];
    if (name) fields.set(decode(name), decode(match[2]!.replace(/^\n/, '')));
  }
  return fields;
}
