/**
 * The small part of fontkit (pdfkit's own font engine) that the document builders use. fontkit ships no
 * type declarations; pdfkit accepts one of these font objects wherever it takes a font file.
 */
declare module 'fontkit' {
  export interface GlyphRun {
    readonly advanceWidth: number;
  }

  export interface Font {
    readonly type: string;
    readonly postscriptName: string;
    readonly familyName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): GlyphRun;
  }

  export interface FontCollection {
    readonly type: string;
    readonly fonts: Font[];
    getFont(postscriptName: string): Font | null;
  }

  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
