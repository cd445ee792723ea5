import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AttachmentInfo } from '../../../../shared/contract/quotes';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';

/** Asks the person where to save a file and writes it there; null when they cancel. Electron's save dialog in the app. */
export type SaveFile = (suggestedName: string, bytes: Buffer) => Promise<string | null>;

export interface StoredFile {
  info: AttachmentInfo;
  mimeType: string;
  bytes: Buffer;
}

export class AttachmentsService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  async add(em: EntityManager, file: { entity: 'quote'; recordId: number; fileName: string; mimeType: string; bytes: Buffer }, userId: number, now: string): Promise<AttachmentInfo> {
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const { lastId } = await new Sql(em).run(
      `INSERT INTO attachments (entity, record_id, file_name, mime_type, byte_size, sha256, created_at, created_by_id, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [file.entity, file.recordId, file.fileName, file.mimeType, file.bytes.length, sha256, now, userId, file.bytes],
    );
    return { id: lastId, fileName: file.fileName, byteSize: file.bytes.length, sha256, createdAt: now };
  }

  async read(id: number, em?: EntityManager): Promise<StoredFile> {
    const row = await (em ? new Sql(em) : this.sql).get<{ id: number; file_name: string; mime_type: string; byte_size: number; sha256: string; created_at: string; bytes: Buffer }>(
      `SELECT id, file_name, mime_type, byte_size, sha256, created_at, bytes FROM attachments WHERE id = ?`,
      [id],
    );
    if (!row) throw new CrmError('not_found', `There is no attachment with id ${id}.`);
    const bytes = Buffer.from(row.bytes);
    // A file that no longer matches its recorded hash is not handed out as if it were the one that was sent.
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== row.sha256) throw new CrmError('internal', `Attachment ${row.file_name} is damaged: its SHA-256 no longer matches.`);
    return { info: { id: row.id, fileName: row.file_name, byteSize: row.byte_size, sha256: row.sha256, createdAt: row.created_at }, mimeType: row.mime_type, bytes };
  }
}
