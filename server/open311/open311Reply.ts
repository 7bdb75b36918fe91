import type { FastifyReply } from 'fastify';
import { toOpen311Xml } from './open311Xml';

export type Open311Format = 'json' | 'xml';

/** `abc.json` → { name: 'abc', format: 'json' }; anything but .json or .xml → undefined. */
export const splitFormat = (file: string): { name: string; format: Open311Format } | undefined => {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  return match ? { name: match[1]!, format: match[2] as Open311Format } : undefined;
};

/** The format a request URL asks for by its suffix (JSON when it names none, e.g. a 404 elsewhere). */
export const formatOfUrl = (url: string): Open311Format => ((url.split('?')[0] ?? '').endsWith('.xml') ? 'xml' : 'json');

/** JSON as is; XML under `root` (a list root names its items, see open311Xml). */
export const sendOpen311 = (reply: FastifyReply, format: Open311Format, root: string, value: unknown, statusCode = 200) => {
  void reply.code(statusCode);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toOpen311Xml(root, value));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
};

/** Open311's error shape: a list of { code, description }, with the same HTTP status. */
export const sendOpen311Error = (reply: FastifyReply, format: Open311Format, statusCode: number, description: string) =>
  sendOpen311(reply, format, 'errors', [{ code: statusCode, description }], statusCode);
