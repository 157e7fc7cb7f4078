import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Whether a content hash is loaded, read from the warehouse through a read-only connection of its
 * own (the writer's is inside ingest; a pool thread has none). Opened once the warehouse exists: a
 * first run creates it.
 */
export class LoadedCheck {
  private db: Database.Database | undefined;
  private query: Database.Statement<[string], unknown> | undefined;

  constructor(private readonly path: string) {}

  readonly isLoaded = (sha256: string): boolean => {
    if (!this.query) {
      if (this.path === ':memory:' || !existsSync(this.path)) return false;
      try {
        this.db = new Database(this.path, { readonly: true, fileMustExist: true });
        this.query = this.db.prepare("SELECT 1 FROM documents WHERE sha256 = ? AND status = 'loaded'");
      } catch {
        this.close();
        return false; // no documents table yet: nothing is loaded
      }
    }
    return this.query.get(sha256) !== undefined;
  };

  close(): void {
    this.db?.close();
    this.db = undefined;
    this.query = undefined;
  }
}
