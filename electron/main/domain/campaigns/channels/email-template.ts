import { EmailAddress } from '../../../../../shared/contract/mail';
import { CrmError } from '../../../../../shared/errors';
import { escapeHtml, parseTemplate, renderTemplate, type MergeRecord, type MergeValues } from './merge-fields';

/**
 * One campaign e-mail for one recipient: merged subject, HTML and text parts, each with an
 * unsubscribe footer, and the List-Unsubscribe headers mail providers look for (Gmail and
 * Yahoo require them for bulk mail). Pure: the caller sends the result with the mail sender.
 */

export interface CampaignUnsubscribe {
  /** The mailbox that receives unsubscribe requests. */
  mailto: string;
  /** Identifies the recipient (and campaign) in the request; put into the mailto subject. */
  token: string;
  /** A web page that unsubscribes; https also enables one-click unsubscribe (RFC 8058). */
  url?: string;
}

export interface CampaignEmailInput {
  /** Merge templates (see merge-fields.ts). */
  subject: string;
  html: string;
  /** Derived from the HTML when not given. */
  text?: string;
  record: MergeRecord;
  campaignName: string;
  unsubscribe: CampaignUnsubscribe;
}

export interface CampaignEmail {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

export function buildCampaignEmail(input: CampaignEmailInput): CampaignEmail {
  const links = unsubscribeLinks(input.unsubscribe);
  const values: MergeValues = { ...input.record, campaignName: input.campaignName, unsubscribeLink: links.preferred };

  if (input.subject.trim() === '') throw invalid('subject', 'The subject is required.');
  if (/[\r\n\u2028\u2029]/.test(input.subject)) throw invalid('subject', 'The subject is one line: remove the line breaks.');
  const subject = singleLine(renderTemplate(parseTemplate(input.subject, 'subject'), values, 'text'));

  const body = renderTemplate(parseTemplate(input.html, 'html'), values, 'html');
  const text =
    input.text !== undefined && input.text.trim() !== '' ? renderTemplate(parseTemplate(input.text, 'text'), values, 'text') : htmlToText(body);

  const headers: Record<string, string> = {
    'List-Unsubscribe': [links.web, links.mailto]
      .filter((l): l is string => l !== null)
      .map((l) => `<${l}>`)
      .join(', '),
  };
  if (links.web?.startsWith('https:')) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';

  return {
    subject,
    html: withHtmlFooter(body, subject, links.preferred),
    text: `${text.trimEnd()}\n\n${textFooter(input.unsubscribe, links)}\n`,
    headers,
  };
}

function invalid(path: string, message: string): CrmError {
  return new CrmError('validation', message, [{ path, message }]);
}

/** A value with a line break must not split the Subject header: control characters become one space. */
function singleLine(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

interface UnsubscribeLinks {
  mailto: string;
  web: string | null;
  /** What {{unsubscribeLink}} and the footer point to: the web page when there is one. */
  preferred: string;
}

function unsubscribeLinks(unsubscribe: CampaignUnsubscribe): UnsubscribeLinks {
  const address = EmailAddress.safeParse(unsubscribe.mailto);
  if (!address.success) throw invalid('unsubscribe.mailto', `"${unsubscribe.mailto}" is not an e-mail address for unsubscribe requests.`);
  const token = unsubscribe.token.trim();
  if (token === '' || /[\u0000-\u001f\u007f]/.test(token)) throw invalid('unsubscribe.token', 'The unsubscribe token is missing or has control characters.');
  const mailto = `mailto:${address.data}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`;
  let web: string | null = null;
  if (unsubscribe.url !== undefined && unsubscribe.url.trim() !== '') {
    let url: URL;
    try {
      url = new URL(unsubscribe.url.trim());
    } catch {
      throw invalid('unsubscribe.url', `"${unsubscribe.url}" is not a web address.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('unsubscribe.url', 'The unsubscribe page is an http or https address.');
    // The URL parser percent-encodes '<', '>', spaces and drops line breaks: safe inside the header's <…>.
    web = url.href;
  }
  return { mailto, web, preferred: web ?? mailto };
}

const FOOTER_TEXT = 'If you no longer want to receive these e-mails, you can unsubscribe';

function withHtmlFooter(body: string, subject: string, link: string): string {
  const footer =
    `<hr style="border:none;border-top:1px solid #dddddd;margin:24px 0 12px">\n` +
    `<p style="font-size:12px;color:#666666">${FOOTER_TEXT}: <a href="${escapeHtml(link)}">unsubscribe</a>.</p>`;
  if (!/<html[\s>]|<body[\s>]|<!doctype/i.test(body)) {
    return (
      `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(subject)}</title>\n</head>\n<body>\n` +
      `${body}\n${footer}\n</body>\n</html>\n`
    );
  }
  // A whole document: the footer goes last inside <body> (or <html>), never after the closing tag.
  for (const closing of [/<\/body\s*>/gi, /<\/html\s*>/gi]) {
    const at = lastMatch(body, closing);
    if (at >= 0) return `${body.slice(0, at)}${footer}\n${body.slice(at)}`;
  }
  return `${body}\n${footer}\n`;
}

function lastMatch(text: string, pattern: RegExp): number {
  let at = -1;
  for (const m of text.matchAll(pattern)) at = m.index;
  return at;
}

function textFooter(unsubscribe: CampaignUnsubscribe, links: UnsubscribeLinks): string {
  if (links.web) return `--\n${FOOTER_TEXT}: ${links.web}`;
  // A mailto link is clickable in most clients; the sentence works in every one.
  return `--\n${FOOTER_TEXT}: send an e-mail with the subject "unsubscribe ${unsubscribe.token.trim()}" to ${unsubscribe.mailto.trim()}\n(${links.mailto})`;
}

// ---- HTML to plain text -------------------------------------------------------------------

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '',
  copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§', deg: '°', para: '¶',
  hellip: '…', mdash: '—', ndash: '–', bull: '•', middot: '·', laquo: '«', raquo: '»',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', times: '×', divide: '÷',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß',
  eacute: 'é', egrave: 'è', ecirc: 'ê', aacute: 'á', agrave: 'à', acirc: 'â', oacute: 'ó', ocirc: 'ô',
  iacute: 'í', uacute: 'ú', ccedil: 'ç', ntilde: 'ñ', Eacute: 'É', Ccedil: 'Ç', Ntilde: 'Ñ', aring: 'å', Aring: 'Å',
  oslash: 'ø', Oslash: 'Ø', aelig: 'æ', AElig: 'Æ',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<[!?][^>]*>/g;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
/** Whose content never shows. */
const HIDDEN = new Set(['head', 'style', 'script', 'title', 'template', 'noscript']);
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'ul', 'ol', 'pre']);
const LINE = new Set(['div', 'tr', 'li', 'section', 'article', 'header', 'footer', 'center', 'dl', 'dt', 'dd', 'address', 'figure', 'main', 'nav']);

function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(ATTRIBUTE)) out.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  return out;
}

/**
 * A readable plain-text version of an HTML e-mail: hidden parts dropped, <br> and blocks as
 * line breaks, paragraphs separated by a blank line, list items as "- ", links as "text (url)",
 * entities decoded. Not a renderer: enough for the text part of a marketing mail.
 */
export function htmlToText(html: string): string {
  let out = '';
  let pre = 0;
  const links: { href: string; start: number }[] = [];
  const endLine = () => {
    out = out.replace(/ +$/, '');
    if (out !== '' && !out.endsWith('\n')) out += '\n';
  };
  const endParagraph = () => {
    endLine();
    if (out !== '' && !out.endsWith('\n\n')) out += '\n';
  };
  const addText = (raw: string) => {
    let text = decodeEntities(pre > 0 ? raw : raw.replace(/[ \t\r\n\f]+/g, ' '));
    if (pre === 0 && (out === '' || out.endsWith('\n') || out.endsWith(' '))) text = text.replace(/^ /, '');
    out += text;
  };

  let at = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    addText(html.slice(at, m.index));
    at = TOKEN.lastIndex;
    const name = m[2]?.toLowerCase();
    if (!name) continue; // a comment, doctype or processing instruction
    const closing = m[1] === '/';
    if (!closing && HIDDEN.has(name)) {
      // Skip to the matching end tag (none: the rest is hidden).
      const end = new RegExp(`</${name}\\s*>`, 'gi');
      end.lastIndex = at;
      const found = end.exec(html);
      at = found ? end.lastIndex : html.length;
      TOKEN.lastIndex = at;
      continue;
    }
    if (name === 'br') out = `${out.replace(/ +$/, '')}\n`;
    else if (name === 'hr') {
      endParagraph();
      out += '---\n\n';
    } else if (name === 'img' && !closing) {
      const alt = attributes(m[3] ?? '').get('alt')?.trim();
      if (alt) addText(alt);
    } else if (name === 'td' || name === 'th') {
      if (closing) out += ' ';
    } else if (name === 'a') {
      if (!closing) links.push({ href: (attributes(m[3] ?? '').get('href') ?? '').trim(), start: out.length });
      else {
        const link = links.pop();
        if (link) out += linkSuffix(out.slice(link.start), link.href);
      }
    } else if (PARAGRAPH.has(name)) {
      endParagraph();
      if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
    } else if (LINE.has(name)) {
      endLine();
      if (name === 'li' && !closing) out += '- ';
    }
  }
  addText(html.slice(at));
  return out
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** " (url)" after a link's text, unless the text already says it or the link leads nowhere readable. */
function linkSuffix(text: string, href: string): string {
  if (href === '' || href.startsWith('#') || /^javascript:/i.test(href)) return '';
  const shown = text.trim();
  const bare = href.replace(/^mailto:/i, '').replace(/^tel:/i, '');
  if (shown === href || shown === bare || (shown !== '' && href.replace(/\/$/, '').endsWith(`//${shown.replace(/\/$/, '')}`))) return '';
  return shown === '' ? href : ` (${href})`;
}
