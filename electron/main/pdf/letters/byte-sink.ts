/**
 * Collects a stream's chunks by copying them into 1 MB blocks. pdfkit's
 * chunks are often small views into much larger memory (a deflated page is a
 * slice of zlib's 16 kB output buffer): keeping the chunks themselves would
 * hold about 18 kB per page, 180 MB for a 10,000-letter mailing whose PDF
 * is 14 MB.
 */
const BLOCK_BYTES = 1024 * 1024;

export class ByteSink {
  private readonly full: Buffer[] = [];
  private block = Buffer.allocUnsafeSlow(BLOCK_BYTES);
  private used = 0;

  push(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.used === this.block.length) {
        this.full.push(this.block);
        this.block = Buffer.allocUnsafeSlow(BLOCK_BYTES);
        this.used = 0;
      }
      const n = Math.min(chunk.length - offset, this.block.length - this.used);
      this.block.set(chunk.subarray(offset, offset + n), this.used);
      this.used += n;
      offset += n;
    }
  }

  toBuffer(): Buffer {
    return Buffer.concat([...this.full, this.block.subarray(0, this.used)]);
  }
}

/** Everything the document writes, once it has ended. */
export function collectPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const sink = new ByteSink();
    doc.on('data', (chunk: Buffer) => sink.push(chunk));
    doc.on('end', () => resolve(sink.toBuffer()));
    doc.on('error', reject);
  });
}
