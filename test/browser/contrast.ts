// axe leaves the colour contrast of some text "incomplete" (undecided) rather than failing or
// passing it: SVG chart text, and table cells it thinks another element overlaps (row-spanning
// cells of the PDCA sheet, cells scrolled out of their table's region). This measures those
// itself — the text's colour against the first opaque background behind it — so that no text
// goes unchecked.
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

export interface ContrastFailure {
  target: string;
  ratio: number;
  required: number;
  color: string;
  background: string;
}

/** The undecided color-contrast nodes of an axe run that fall short of WCAG 1.4.3. */
export async function undecidedContrastFailures(page: Page, results: AxeResults): Promise<ContrastFailure[]> {
  const rule = results.incomplete.find((entry) => entry.id === 'color-contrast');
  const targets = (rule?.nodes ?? []).map((node) => node.target.at(-1)).filter((target): target is string => typeof target === 'string');
  if (targets.length === 0) return [];
  // esbuild (tsx, vitest) may wrap the named functions below in its `__name` helper, which
  // does not exist in the page.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  return page.evaluate((selectors) => {
    const parse = (text: string): [number, number, number, number] | undefined => {
      const match = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?\)/.exec(text);
      return match ? [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])] : undefined;
    };
    const luminance = ([r, g, b]: number[]) => {
      const [R, G, B] = [r!, g!, b!].map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
    };
    // Backgrounds from the element outwards, painted over white (the page's own background).
    const backgroundOf = (element: Element): number[] => {
      const layers: number[][] = [];
      for (let node: Element | null = element; node; node = node.parentElement) {
        const color = parse(getComputedStyle(node).backgroundColor);
        if (color && color[3] > 0) {
          layers.push(color);
          if (color[3] === 1) break;
        }
      }
      let result = [255, 255, 255];
      for (const layer of layers.reverse()) {
        const alpha = layer[3]!;
        result = result.map((channel, i) => layer[i]! * alpha + channel * (1 - alpha));
      }
      return result;
    };
    const failures: { target: string; ratio: number; required: number; color: string; background: string }[] = [];
    for (const selector of selectors) {
      const element = document.querySelector(selector);
      if (!element || !element.textContent?.trim()) continue;
      const style = getComputedStyle(element);
      const isSvg = element instanceof SVGElement;
      const foreground = parse(isSvg ? style.fill : style.color);
      if (!foreground) continue;
      const background = backgroundOf(element);
      const text = foreground.slice(0, 3).map((channel, i) => channel * foreground[3] + background[i]! * (1 - foreground[3]));
      const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a);
      const ratio = (light! + 0.05) / (dark! + 0.05);
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      const required = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      if (ratio < required) {
        failures.push({ target: selector, ratio: Math.round(ratio * 100) / 100, required, color: `rgb(${text.map(Math.round).join(',')})`, background: `rgb(${background.map(Math.round).join(',')})` });
      }
    }
    return failures;
  }, targets);
}
