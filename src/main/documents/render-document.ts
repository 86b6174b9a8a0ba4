import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';
import type { Block } from './blocks.js';

// pdfkit (with its font engine) takes over 100 ms to load: required on the first document, not at start-up.
const requireModule = createRequire(import.meta.url);
let pdfkitModule: typeof PDFKitDocument | undefined;
const loadPdfkit = (): typeof PDFKitDocument => (pdfkitModule ??= requireModule('pdfkit') as typeof PDFKitDocument);

export interface PlacedBlock {
  block: Block;
  x: number;
  y: number;
}

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
}

/** Draws laid-out pages into one PDF; every document the app prints goes through here. */
export function renderDocument(info: DocumentInfo, size: [number, number], pages: readonly PlacedBlock[][]): Promise<Buffer> {
  const PDFDocument = loadPdfkit();
  const doc = new PDFDocument({
    size,
    margin: 0,
    autoFirstPage: false,
    // No default font: pdfkit would otherwise add an unused Helvetica to every file.
    font: null as unknown as string,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: 'Safe Hands', Producer: 'Safe Hands (pdfkit)' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const page of pages) {
    doc.addPage({ size, margin: 0 });
    for (const placed of page) placed.block.draw(doc, placed.x, placed.y);
  }
  doc.end();
  return done;
}
