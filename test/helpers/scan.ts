// Scanned copies of PDFs built at test time: pages rendered by pdf.js onto @napi-rs/canvas (what pdf-parse brings),
// each PNG placed full-page in a new PDF with pdf-lib, so the copy has images and no text layer.
import { PDFDocument } from 'pdf-lib';
import { PDFParse } from 'pdf-parse';

/**
 * An image-only PDF of the given 1-based pages of `pdf`, rendered at `dpi`. `band` [top, bottom], as fractions of the
 * page height from the top, keeps only that strip of each page in view (its media box): a scan of part of a page,
 * which OCR reads in a fraction of a full page's time.
 */
export async function scannedCopy(pdf: Uint8Array, pages: number[], { dpi = 300, band = [0, 1] }: { dpi?: number; band?: [number, number] } = {}): Promise<Uint8Array> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const shot = await parser.getScreenshot({ partial: pages, scale: dpi / 72, imageBuffer: true, imageDataUrl: false });
    const out = await PDFDocument.create();
    for (const page of shot.pages) {
      const png = await out.embedPng(page.data);
      // the page keeps its size in points; the image fills it
      const width = (page.width * 72) / dpi;
      const height = (page.height * 72) / dpi;
      const added = out.addPage([width, height]);
      added.drawImage(png, { x: 0, y: 0, width, height });
      added.setMediaBox(0, height * (1 - band[1]), width, height * (band[1] - band[0]));
    }
    return await out.save();
  } finally {
    await parser.destroy();
  }
}
