import Database from 'better-sqlite3';

/** What MBTiles 1.3 puts in `metadata` that the map needs. */
export interface MbtilesMetadata {
  /** pbf (vector, what tilemaker and planetiler write), png, jpg or webp. */
  format: string;
  minzoom: number;
  maxzoom: number;
}

export interface StoredTile {
  data: Buffer;
  /** Vector tiles are stored gzipped by every common writer; they are sent on as they are, with this encoding. */
  contentEncoding: 'gzip' | null;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * A read-only MBTiles file (an SQLite database: `metadata` name/value rows and `tiles`, which
 * tilemaker writes as a view over deduplicated blobs). MBTiles numbers rows from the south (TMS),
 * the web and MapLibre from the north, hence the flip in `tile`.
 */
export class MbtilesArchive {
  readonly metadata: MbtilesMetadata;
  readonly #db: Database.Database;
  readonly #tile: Database.Statement<[number, number, number], { tile_data: Buffer }>;

  constructor(file: string) {
    this.#db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const rows = this.#db.prepare<[], { name: string; value: string }>('SELECT name, value FROM metadata').all();
      const meta = new Map(rows.map((row) => [row.name, row.value]));
      this.metadata = {
        format: meta.get('format') ?? 'pbf',
        minzoom: Number(meta.get('minzoom') ?? 0),
        maxzoom: Number(meta.get('maxzoom') ?? 14),
      };
      this.#tile = this.#db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
    } catch (error) {
      this.#db.close();
      throw new Error(`${file} is not an MBTiles file: ${(error as Error).message}`);
    }
  }

  /** The tile at web (XYZ) coordinates, or null when the file has none there (empty sea, outside the extract). */
  tile(z: number, x: number, y: number): StoredTile | null {
    const tmsRow = 2 ** z - 1 - y;
    const row = this.#tile.get(z, x, tmsRow);
    if (!row) return null;
    const gzipped = row.tile_data[0] === GZIP_MAGIC[0] && row.tile_data[1] === GZIP_MAGIC[1];
    return { data: row.tile_data, contentEncoding: gzipped ? 'gzip' : null };
  }

  close(): void {
    this.#db.close();
  }
}
