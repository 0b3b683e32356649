"""What a keyboard user meets at each tab stop, measured by hand's rules (WCAG 2.2 AA), not axe's:
the focused element's contrast, whether anything covers it, and what language its text is in."""

from __future__ import annotations

# Colours as the eye gets them: a colour with alpha is laid over the background behind it.
COLOUR_JS = """
const rgba = c => { const m = (c || '').match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
  const p = m[1].split(/[ ,/]+/).filter(Boolean).map(parseFloat); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
const over = (top, under) => top[3] >= 1 ? top : [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
// The background an element's box is painted on: its own, or the nearest ancestor's, down to the page's.
const background = el => {
  const layers = [];
  for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  let colour = [255, 255, 255, 1];
  for (const c of layers.reverse()) colour = over(c, colour);
  return colour;
};
"""

# The focused element (for a hidden radio button, the label that shows it), whether its centre
# shows it or something else, and its contrast: its text against its own background (4.5:1),
# and the best of its indicator's colours (outline, box-shadow, a changed background) against
# what is around it (3:1).
STOP_JS = "() => {" + COLOUR_JS + """
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  let shown = el;
  if (el.getBoundingClientRect().width < 2) {
    const label = [el.nextElementSibling, ...(el.labels || [])].find(l => l && l.tagName === 'LABEL' && l.getBoundingClientRect().width > 0);
    if (label) shown = label;
  }
  const rects = [...shown.getClientRects()].filter(r => r.width > 0 && r.height > 0);
  const r = rects[0] || shown.getBoundingClientRect();
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  const inView = rects.length > 0 && x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
  const top = inView ? document.elementFromPoint(x, y) : null;
  const uncovered = !!top && (top === shown || shown.contains(top) || top === el || el.contains(top));
  const s = getComputedStyle(shown);
  const own = background(shown), around = background(shown.parentElement);
  const indicators = [];
  if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) indicators.push(rgba(s.outlineColor));
  for (const m of (s.boxShadow || '').matchAll(/rgba?\\([^)]+\\)/g)) indicators.push(rgba(m[0]));
  if (ratio(own, around) > 1.01) indicators.push(own);
  const indicator = Math.max(0, ...indicators.filter(c => c && c[3] > 0).map(c => ratio(over(c, around), around)));
  // Every piece of text inside it, against the background it is on.
  let text = null;
  const walker = document.createTreeWalker(shown, NodeFilter.SHOW_TEXT);
  for (let n = walker.currentNode; n; n = walker.nextNode()) {
    if (n.nodeType !== 3 || !n.textContent.trim() || !n.parentElement.getClientRects().length) continue;
    const p = n.parentElement, c = rgba(getComputedStyle(p).color);
    if (p.closest('.fs-visually-hidden') || getComputedStyle(p).visibility !== 'visible') continue;
    const value = ratio(over(c, background(p)), background(p));
    text = text === null ? value : Math.min(text, value);
  }
  if (text === null && shown.querySelector('svg')) {  // an icon: a graphic, 3:1
    const c = rgba(getComputedStyle(shown).color);
    text = ratio(over(c, own), own) * 1.5;
  }
  const all = [...document.querySelectorAll('*')];
  const name = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  return {order: all.indexOf(el), tag: el.tagName.toLowerCase(), cls: String(el.className).split(' ')[0], name,
          inView, uncovered, covering: top && !uncovered ? top.tagName.toLowerCase() + '.' + String(top.className).split(' ')[0] : '',
          indicator, text, width: r.width, height: r.height, y: r.top + scrollY, href: el.href || ''};
}"""


def walk(page, backwards: bool = False, limit: int = 300) -> list[dict]:
    """Every tab stop, in the order Tab (or Shift+Tab) reaches them, until focus comes round again."""
    key = "Shift+Tab" if backwards else "Tab"
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press(key)
        stop = page.evaluate(STOP_JS)
        if stop and not (stop["inView"] and stop["uncovered"]):
            # Material closes its search and scrolls with transitions of up to 250 ms: what
            # counts is where things are once they have settled.
            page.wait_for_timeout(400)
            stop = page.evaluate(STOP_JS)
        if stop is None or (stops and stop["order"] == stops[0]["order"]):
            break
        stops.append(stop)
    return stops


# Text in another script than the language around it says: Arabic or Chinese letters where the
# nearest lang is a Latin-script language, or a run of Latin words (two or more, not an address)
# where it is Arabic or Chinese. Closed <details> are opened: a screen reader reads them once opened.
OTHER_LANGUAGE_JS = """
() => {
  for (const d of document.querySelectorAll('details')) d.open = true;
  const family = tag => /^(ar|ur|fa|ps)\\b/i.test(tag) ? 'Arabic' : /^(zh|ja)\\b/i.test(tag) ? 'Han' : 'Latin';
  const has = {Arabic: /\\p{Script=Arabic}/u, Han: /\\p{Script=Han}/u,
               Latin: /\\p{Script=Latin}{2,}[^\\p{L}]+\\p{Script=Latin}{2,}/u};
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement, text = n.textContent.trim();
    if (!text || p.closest('script, style, svg, template, noscript') || !p.getClientRects().length) continue;
    const said = family((p.closest('[lang]') || {}).lang || '');
    if (has[said].test(text)) continue;
    const words = text.replace(/\\S+@\\S+|\\S+:\\/\\/\\S+|\\S+\\.\\S+\\.\\S+/g, '');  // addresses are in no language
    const is = ['Arabic', 'Han', 'Latin'].find(f => has[f].test(words));
    if (is && is !== said) {
      found.push(is + ' text marked ' + said + ': ' + text.replace(/\\s+/g, ' ').slice(0, 40) + ' (in ' + p.tagName.toLowerCase() + '.' + String(p.className).split(' ')[0] + ')');
    }
  }
  return found;
}
"""
