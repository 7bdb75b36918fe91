import { findPersonalDataInJson, type PersonalHit } from '../../shared/logic/privacy/findPersonalData';

/**
 * Scans what a page was sent for personal data: JSON (bodies, socket frames) value by value with
 * the shared scanner (phones in any digit form, id numbers, house numbers, known names); anything
 * else (the page, its scripts and styles) for plain phones and id numbers and the names only, since
 * there a run of digits after a decimal point is a fraction — MapLibre ships 0.008856451679035631,
 * CIE Lab's ε — and the client's own strings name building parts.
 */

const PHONE_IN_CODE = /(?<![\d.])1[3-9]\d{9}(?!\d)/;
const ID_NUMBER_IN_CODE = /(?<![\d.])\d{17}[\dXx](?!\d)/;

/** Socket.IO frames are an engine.io type digit, a socket.io type digit and JSON (`42["events",{…}]`). */
export const parseFrame = (text: string): unknown => {
  for (const candidate of [text, text.replace(/^\d+/, '')]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // not JSON this way; try the next, else the text is scanned as it is
    }
  }
  return undefined;
};

export const scanText = (source: string, text: string, names: readonly string[]): PersonalHit[] => {
  const parsed = parseFrame(text);
  if (parsed !== undefined) return findPersonalDataInJson(source, parsed, names);
  const hits: PersonalHit[] = [];
  const phone = PHONE_IN_CODE.exec(text);
  if (phone) hits.push({ source, kind: 'phone', match: phone[0] });
  const id = ID_NUMBER_IN_CODE.exec(text);
  if (id) hits.push({ source, kind: 'id number', match: id[0] });
  for (const name of names) if (text.includes(name)) hits.push({ source, kind: 'name', match: name });
  return hits;
};
