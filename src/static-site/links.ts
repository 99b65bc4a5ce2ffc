// The links in a page or a stylesheet as served, read and rewritten. Only the site's own
// absolute links ("/sheet?…") are touched; a fragment, a relative link or another scheme
// stays as it is. Pages are React's static markup: attributes in double quotes, "&" as &amp;.

/** An attribute that names a URL, as React writes it. */
const HTML_LINK = /(\s(?:href|src|action)=")([^"]*)(")/g;
const CSS_URL = /url\(\s*(['"]?)([^'")]*)\1\s*\)/g;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>' };

function unescapeAttribute(text: string): string {
  return text.replace(/&(?:amp|quot|#x27|#39|lt|gt);/g, (entity) => ENTITIES[entity]!);
}

function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
}

/** A link of the site itself: absolute path, not protocol-relative. */
export function isSiteLink(link: string): boolean {
  return link.startsWith('/') && !link.startsWith('//');
}

export interface FoundLink {
  /** As written, unescaped. */
  link: string;
}

/** The href, src and form action of every element, in order. */
export function htmlLinks(html: string): FoundLink[] {
  return [...html.matchAll(HTML_LINK)].map((match) => ({ link: unescapeAttribute(match[2]!) }));
}

export function cssLinks(css: string): FoundLink[] {
  return [...css.matchAll(CSS_URL)].map((match) => ({ link: match[2]! }));
}

/**
 * What a site link becomes: a relative link, or null when the copy holds nothing there (an
 * anchor then keeps its text without a link; a form submits to its own page).
 */
export type Relink = (link: string) => string | null;

export function rewriteHtml(html: string, relink: Relink): string {
  return html.replace(HTML_LINK, (whole, before: string, value: string) => {
    const link = unescapeAttribute(value);
    if (!isSiteLink(link)) return whole;
    const replaced = relink(link);
    return replaced === null ? '' : `${before}${escapeAttribute(replaced)}"`;
  });
}

export function rewriteCss(css: string, relink: Relink): string {
  return css.replace(CSS_URL, (whole, quote: string, link: string) => {
    if (!isSiteLink(link)) return whole;
    const replaced = relink(link);
    return replaced === null ? whole : `url(${quote}${replaced}${quote})`;
  });
}

/** The #fragment of a link, with its "#", or "". */
export function fragmentOf(link: string): string {
  const at = link.indexOf('#');
  return at === -1 ? '' : link.slice(at);
}
