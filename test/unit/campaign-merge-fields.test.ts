import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MERGE_FIELDS, parseTemplate, renderTemplate, type MergeRecord } from '../../electron/main/domain/campaigns/channels/merge-fields';
import { CrmError } from '../../shared/errors';

const anna: MergeRecord = {
  firstName: 'Anna',
  lastName: 'Müller & Söhne',
  fullName: 'Anna Müller',
  email: 'anna@example.com',
  phone: '+49 30 1234567',
  accountName: '<b>Acme</b> "GmbH"',
  title: "O'Brien's boss",
  street: 'Hauptstr. 1',
  city: 'Berlin',
  postalCode: '10115',
  region: '',
  country: 'DE',
  ownerName: 'Ben',
};
const values = { ...anna, campaignName: 'Spring', unsubscribeLink: 'https://x.example/u?t=1&c=2' };

function validationError(run: () => unknown): CrmError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).code).toBe('validation');
    return error as CrmError;
  }
  throw new Error('expected a validation error');
}

describe('merge-field templates', () => {
  it('fill every known field, with or without spaces inside the braces', () => {
    const tpl = parseTemplate('Hi {{firstName}} {{ lastName }} from {{\taccountName }} ({{campaignName}})');
    expect(tpl.fields).toEqual(['firstName', 'lastName', 'accountName', 'campaignName']);
    expect(renderTemplate(tpl, values, 'text')).toBe('Hi Anna Müller & Söhne from <b>Acme</b> "GmbH" (Spring)');
    const all = parseTemplate(MERGE_FIELDS.map((f) => `{{${f}}}`).join('|'));
    expect(all.fields).toEqual([...MERGE_FIELDS]);
  });

  it('escape values for HTML, URLs and JSON strings, but never the template itself', () => {
    const tpl = parseTemplate('<p title="{{title}}">{{accountName}} & {{lastName}}</p>');
    expect(renderTemplate(tpl, values, 'html')).toBe('<p title="O&#39;Brien&#39;s boss">&lt;b&gt;Acme&lt;/b&gt; &quot;GmbH&quot; & Müller &amp; Söhne</p>');
    expect(renderTemplate(parseTemplate('/send?to={{phone}}&n={{lastName}}'), values, 'url')).toBe('/send?to=%2B49%2030%201234567&n=M%C3%BCller%20%26%20S%C3%B6hne');
    const json = renderTemplate(parseTemplate('{"name": "{{accountName}}", "t": "{{title}}"}'), { ...values, accountName: 'a "b" \\ c\nd' }, 'json');
    expect(JSON.parse(json)).toEqual({ name: 'a "b" \\ c\nd', t: "O'Brien's boss" });
  });

  it('render a missing or null value as empty, and a lone surrogate in a URL as U+FFFD instead of throwing', () => {
    const tpl = parseTemplate('[{{city}}][{{ownerName}}]');
    expect(renderTemplate(tpl, { city: null }, 'text')).toBe('[][]');
    expect(renderTemplate(parseTemplate('{{firstName}}'), { firstName: 'a\uD83D' }, 'url')).toBe('a%EF%BF%BD');
  });

  it('refuse unknown fields at parse time, naming them and listing the known ones', () => {
    const error = validationError(() => parseTemplate('Hello {{fristName}} and {{ Email }} and {{}}', 'html'));
    expect(error.message).toContain('{{fristName}}');
    expect(error.message).toContain('{{Email}} (did you mean {{email}}?)');
    expect(error.message).toContain('{{}} (an empty field)');
    for (const f of MERGE_FIELDS) expect(error.message).toContain(`{{${f}}}`);
    expect(error.issues).toEqual([{ path: 'html', message: error.message }]);
    // Address parts are on the record (for letters) but not fields of the language.
    expect(validationError(() => parseTemplate('{{street}}')).message).toMatch(/Unknown merge field \{\{street\}\}/);
  });

  it('refuse an opening {{ without its closing }}, saying where it is', () => {
    expect(validationError(() => parseTemplate('Hi {{firstName')).message).toMatch(/"\{\{" at line 1, column 4 has no closing "\}\}"/);
    expect(validationError(() => parseTemplate('ok\nHi {{firstName {{lastName}}')).message).toMatch(/line 2, column 4/);
    expect(validationError(() => parseTemplate('{{')).message).toMatch(/no closing/);
  });

  it('leave single braces and a lone }} alone (JSON and minified CSS)', () => {
    const css = '<style>@media(max-width:600px){.a{color:red}}</style>{"a":{"b":1}}';
    const tpl = parseTemplate(css);
    expect(tpl.fields).toEqual([]);
    expect(renderTemplate(tpl, values, 'html')).toBe(css);
  });

  it('never let an HTML-rendered value produce markup: no "<" comes from a value, and decoding gives the text back', () => {
    const decode = (s: string) => s.replace(/&lt;|&gt;|&quot;|&#39;|&amp;/g, (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' })[e]!);
    const tpl = parseTemplate('Dear {{firstName}} {{lastName}}, from {{accountName}}: {{unsubscribeLink}}');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string(), fc.string(), (first, last, account, link) => {
        const v = { firstName: first, lastName: last, accountName: account, unsubscribeLink: link };
        const html = renderTemplate(tpl, v, 'html');
        expect(html).not.toContain('<');
        expect(html).not.toContain('"');
        expect(decode(html)).toBe(renderTemplate(tpl, v, 'text'));
      }),
      { numRuns: 200 },
    );
  });
});
