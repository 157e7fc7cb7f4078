import type SQLite from 'better-sqlite3';

/** How many documents one write transaction may hold, and for how long it may stay open. */
export interface BatchLimits {
  readonly documents: number;
  readonly ms: number;
}

/** One document per transaction: what `cchc ingest` and the nightly run do. */
export const ONE_PER_TRANSACTION: BatchLimits = { documents: 1, ms: 0 };

/**
 * The writer's write transactions, shared by consecutive documents (the backfill's batches). Each
 * document is its own savepoint inside the batch, so a document that fails rolls back alone and the
 * others of the batch still commit: all of a document or none of it, as with a transaction of its own.
 * A commit costs the writer a few milliseconds (the WAL pages of every index the document touched);
 * a batch pays it once for many documents, and the index pages they share are written once.
 *
 * Limits keep the transaction short for an analyst who waits to write (the busy timeout) and bound
 * what a kill -9 takes back (the uncommitted documents are loaded again by the next run). With one
 * document per batch it is a plain BEGIN IMMEDIATE … COMMIT around each document, as before.
 */
export class WriteBatch {
  private open = false;
  private openedAt = 0;
  private documents = 0;
  /** Between a document's begin and its end or abandon: never committed then (it would commit half a document). */
  private inDocument = false;
  /** Commits a batch left open while the writer waits for the next document (see `endDocument`). */
  private idle: NodeJS.Timeout | undefined;
  /** Callbacks waiting for the commit of the documents they belong to (pause points, counts). */
  private readonly onCommit: (() => void)[] = [];

  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly limits: BatchLimits = ONE_PER_TRANSACTION,
    /** Told after every commit (the backfill folds the WAL back from another thread). */
    private readonly afterCommit?: () => void,
  ) {}

  private get savepoints(): boolean {
    return this.limits.documents > 1;
  }

  /** Starts a document's writes: the batch's transaction (opened if none is), then the document's savepoint. */
  beginDocument(): void {
    this.inDocument = true;
    if (!this.open) {
      this.sqlite.exec('BEGIN IMMEDIATE');
      this.open = true;
      this.openedAt = performance.now();
      this.documents = 0;
    }
    if (this.savepoints) this.sqlite.exec('SAVEPOINT document');
  }

  /** The document's writes are kept; the batch commits when it is full or old enough. `committed` runs once they are durable. */
  endDocument(committed?: () => void): void {
    if (this.savepoints) this.sqlite.exec('RELEASE document');
    this.inDocument = false;
    this.documents++;
    if (committed) this.onCommit.push(committed);
    const age = performance.now() - this.openedAt;
    if (this.documents >= this.limits.documents || age >= this.limits.ms) this.commit();
    else if (!this.idle) {
      // The next document may take long to arrive (a large workbook being read): the batch must not
      // hold the write lock meanwhile, or an analyst's write waits past its busy timeout. The timer
      // only fires while the writer awaits, and never inside a document.
      this.idle = setTimeout(() => {
        this.idle = undefined;
        if (!this.inDocument) this.commit();
      }, this.limits.ms - age);
      this.idle.unref();
    }
  }

  /** Undoes the document's writes only; the batch's other documents stay. */
  abandonDocument(): void {
    this.inDocument = false;
    if (!this.open) return;
    if (!this.savepoints) {
      this.rollbackAll();
      return;
    }
    // A failed statement may already have rolled the whole transaction back (SQLITE_FULL, an interrupt).
    if (!this.sqlite.inTransaction) {
      this.open = false;
      this.onCommit.length = 0;
      return;
    }
    this.sqlite.exec('ROLLBACK TO document');
    this.sqlite.exec('RELEASE document');
  }

  /** Commits what the batch holds (before the run's later stages, which write in transactions of their own). */
  commit(): void {
    this.stopIdle();
    if (!this.open) return;
    this.open = false;
    if (this.sqlite.inTransaction) this.sqlite.exec('COMMIT');
    for (const f of this.onCommit.splice(0)) f();
    this.afterCommit?.();
  }

  /** Drops the batch whole (the warehouse cannot be written: the next run loads its documents again). */
  rollbackAll(): void {
    this.stopIdle();
    this.inDocument = false;
    this.open = false;
    this.onCommit.length = 0;
    if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
  }

  private stopIdle(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
  }
}
