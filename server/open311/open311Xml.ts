/** Element names of list items in our Open311 XML: <services><service>…, <attributes><attribute>…. */
const ITEM_TAGS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
};

/** XML 1.0 cannot carry most control characters even escaped; a resident's text must not break the document. */
const isXmlChar = (c: string): boolean => {
  const n = c.codePointAt(0) ?? 0;
  return n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n !== 0xfffe && n !== 0xffff);
};

const escapeXml = (text: string): string =>
  Array.from(text)
    .filter(isXmlChar)
    .join('')
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

const element = (tag: string, value: unknown): string => {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return `<${tag}/>`;
  if (Array.isArray(value)) return `<${tag}>${value.map((item) => element(ITEM_TAGS[tag] ?? 'item', item)).join('')}</${tag}>`;
  if (typeof value === 'object') {
    return `<${tag}>${Object.entries(value as Record<string, unknown>).map(([key, v]) => element(key, v)).join('')}</${tag}>`;
  }
  return `<${tag}>${escapeXml(String(value))}</${tag}>`;
};

/** The XML form of an Open311 answer: a root list element (`services`, `service_requests`, `errors`) or one object. */
export const toOpen311Xml = (root: string, value: unknown): string => `<?xml version="1.0" encoding="utf-8"?>${element(root, value)}`;
