// Reading the pages' HTML in tests without a DOM library: the text of an element, and a table
// (found by its caption) as rows of cell texts. The markup is React's, so it is regular.

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&nbsp;': ' ' };

/** The text of an HTML fragment: block tags become spaces, other tags go, entities decoded, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<\/?(?:p|div|li|ul|dl|dt|dd|td|th|tr|caption|h[1-6]|section|article|figure|figcaption|table|thead|tbody|br)\b[^>]*>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#x27|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The rows (header rows included) of the first table whose caption contains `caption`. */
export function tableByCaption(html: string, caption: string): string[][] {
  const tables = html.match(/<table[\s>][\s\S]*?<\/table>/g) ?? [];
  const table = tables.find((candidate) => textOf(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(candidate)?.[1] ?? '').includes(caption));
  if (!table) throw new Error(`no table captioned “${caption}”`);
  return (table.match(/<tr[\s>][\s\S]*?<\/tr>/g) ?? []).map((row) => (row.match(/<t[hd][\s>][\s\S]*?<\/t[hd]>/g) ?? []).map(textOf));
}

/** The row whose first cell is `first`. */
export function rowStarting(rows: string[][], first: string): string[] {
  const row = rows.find((candidate) => candidate[0] === first);
  if (!row) throw new Error(`no row starting “${first}” in ${JSON.stringify(rows.map((r) => r[0]))}`);
  return row;
}

/** The HTML of the <section> whose heading has this id. */
export function sectionOf(html: string, headingId: string): string {
  const heading = html.indexOf(`id="${headingId}"`);
  if (heading < 0) throw new Error(`no heading #${headingId}`);
  const start = html.lastIndexOf('<section', heading);
  return html.slice(start, html.indexOf('</section>', heading) + '</section>'.length);
}
