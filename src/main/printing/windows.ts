/**
 * Windows has no `lp`: PDFs go to a printer through the npm package `pdf-to-printer` (which drives the
 * SumatraPDF it bundles). Only the few calls used here are relied on, through this interface, so tests
 * can stand in for the package and the package can be swapped without touching the callers.
 */

export interface WindowsPdfPrinter {
  print(file: string, options: { printer: string }): Promise<void>;
  getPrinters(): Promise<{ name: string }[]>;
  getDefaultPrinter(): Promise<{ name: string } | null>;
}

const PACKAGE = 'pdf-to-printer';

let loaded: Promise<WindowsPdfPrinter | null> | null = null;

/** The pdf-to-printer package, or null when it is not installed. Only ever called on Windows. */
export function loadWindowsPdfPrinter(): Promise<WindowsPdfPrinter | null> {
  loaded ??= (async () => {
    try {
      // A variable specifier: the package is only a dependency of the Windows build's code path.
      const specifier: string = PACKAGE;
      const mod = (await import(specifier)) as Partial<WindowsPdfPrinter> & { default?: Partial<WindowsPdfPrinter> };
      const api = typeof mod.print === 'function' ? mod : mod.default;
      if (!api || typeof api.print !== 'function' || typeof api.getPrinters !== 'function' || typeof api.getDefaultPrinter !== 'function') {
        return null;
      }
      return api as WindowsPdfPrinter;
    } catch {
      return null;
    }
  })();
  return loaded;
}

export const WINDOWS_PRINTING_MISSING =
  'Printing is not available: a part of Safe Hands that talks to Windows printers is missing. Reinstall Safe Hands.';
