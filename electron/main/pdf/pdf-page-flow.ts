/**
 * The vertical cursor of a document and the only place pages are added.
 * Blocks ask whether their measured height fits; a page break runs the
 * page-start hooks (the running header, and the table header while a table
 * is open), so every page the table continues on starts with its header.
 */
export class PageFlow {
  y: number;
  /** Set by a block that continues across pages, e.g. the line table; drawn after the running header. */
  onPageStart: (() => void) | null = null;
  private bodyTop: number;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly runningHeader: (flow: PageFlow) => void,
  ) {
    this.y = doc.page.margins.top;
    this.bodyTop = this.y;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get right(): number {
    return this.doc.page.width - this.doc.page.margins.right;
  }

  get width(): number {
    return this.right - this.left;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** The most a block can ever get: a fresh page's body below its headers. */
  get pageBodyHeight(): number {
    return this.bottom - this.bodyTop;
  }

  /** True when nothing has been placed on this page after its headers. */
  get atPageTop(): boolean {
    return this.y <= this.bodyTop + 0.01;
  }

  fits(height: number): boolean {
    return this.y + height <= this.bottom + 0.01;
  }

  /**
   * Moves to a new page unless `height` fits below the cursor. On an empty
   * page it never breaks again, so a block taller than a page cannot loop.
   */
  ensure(height: number): void {
    if (!this.fits(height) && !this.atPageTop) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.doc.page.margins.top;
    this.runningHeader(this);
    this.onPageStart?.();
    this.bodyTop = this.y;
  }

  /** Called once the first page's own header is done, so atPageTop means "below the header". */
  markBodyTop(): void {
    this.bodyTop = this.y;
  }
}
