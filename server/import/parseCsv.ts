/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF; a UTF-8
 * byte-order mark (Excel writes one) is dropped. Returns rows keyed by the trimmed header names, and
 * the 1-based line each row starts on so a report can point at it.
 */
export const parseCsv = (text: string): { rows: Record<string, string>[]; lineOf: number[] } => {
  const records: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const source = text.replace(/^\uFEFF/, '');
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    if (fields.length > 1 || fields[0]!.trim() !== '') records.push({ fields, line: recordLine });
    fields = [];
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"') quoted = true;
    else if (char === ',') endField();
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) endRecord();
  const [header, ...body] = records;
  if (!header) return { rows: [], lineOf: [] };
  const names = header.fields.map((name) => name.trim());
  return {
    rows: body.map((record) => Object.fromEntries(names.map((name, i) => [name, (record.fields[i] ?? '').trim()]))),
    lineOf: body.map((record) => record.line),
  };
};
