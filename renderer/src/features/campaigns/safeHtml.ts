/**
 * A copy of an e-mail's HTML safe to show inside the app: the app's CSP forbids
 * frames, so the preview is built from an inert parse (DOMParser runs no script)
 * keeping only formatting tags and plain links. Styles, images (the CSP would
 * block remote ones anyway), forms and scripts are left out.
 */
const KEEP = new Set([
  'a', 'b', 'blockquote', 'br', 'caption', 'code', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'li', 'ol', 'p', 'pre', 's',
  'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
]);
/** Their content goes too (the rest are unwrapped: the text stays). */
const DROP = new Set(['script', 'style', 'head', 'title', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math', 'form']);

function copy(node: Node, into: Node, doc: Document): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      into.appendChild(doc.createTextNode(child.textContent ?? ''));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const el = child as Element;
    const tag = el.tagName.toLowerCase();
    if (DROP.has(tag)) continue;
    if (!KEEP.has(tag)) {
      copy(el, into, doc);
      continue;
    }
    const out = doc.createElement(tag);
    if (tag === 'a') {
      const href = el.getAttribute('href') ?? '';
      if (/^(https?:|mailto:)/i.test(href.trim())) {
        out.setAttribute('href', href.trim());
        out.setAttribute('target', '_blank');
        out.setAttribute('rel', 'noreferrer noopener');
      }
    }
    for (const attr of ['colspan', 'rowspan'] as const) {
      const v = el.getAttribute(attr);
      if (v && /^\d{1,3}$/.test(v)) out.setAttribute(attr, v);
    }
    copy(el, out, doc);
    into.appendChild(out);
  }
}

/** The safe copy, as a fragment of the current document. */
export function safeHtmlFragment(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const fragment = document.createDocumentFragment();
  copy(parsed.body, fragment, document);
  return fragment;
}
