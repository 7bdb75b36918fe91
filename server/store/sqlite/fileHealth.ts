import { statSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StoreHealth } from '../EventStore';

/** Below this much free space a write may not fit (a WAL frame of a batch plus its checkpoint). */
const MIN_FREE_BYTES = 1024 * 1024;

interface Identity {
  dev: number;
  ino: number;
}

const identityOf = (path: string): Identity | undefined => {
  try {
    const { dev, ino } = statSync(path);
    return { dev, ino };
  } catch {
    return undefined;
  }
};

/**
 * Whether a commit made now would still be on disk after a restart. SQLite goes on writing into
 * a database or WAL file that was deleted (or replaced) under it and reports success, so we check
 * that the paths still lead to the files we opened, and that the disk has room, before each write.
 */
export class FileHealth {
  private readonly files: { path: string; identity: Identity }[] = [];

  constructor(private readonly file: string) {
    for (const path of [file, `${file}-wal`]) {
      const identity = identityOf(path);
      if (identity) this.files.push({ path, identity });
    }
  }

  check(): StoreHealth {
    for (const { path, identity } of this.files) {
      const now = identityOf(path);
      if (!now) return { writable: false, reason: `the database file ${path} was deleted under the running server` };
      if (now.dev !== identity.dev || now.ino !== identity.ino) return { writable: false, reason: `the database file ${path} was replaced under the running server` };
    }
    try {
      const { bavail, bsize } = statfsSync(dirname(this.file));
      const free = bavail * bsize;
      if (free < MIN_FREE_BYTES) return { writable: false, reason: `the disk holding the database is full (${free} bytes free)` };
    } catch (error) {
      return { writable: false, reason: `the database directory cannot be examined (${(error as Error).message})` };
    }
    return { writable: true };
  }
}
