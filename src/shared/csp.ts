/**
 * One content security policy for both transports: the Electron window and the loopback host.
 * The renderer is a static Vite bundle: scripts and styles come from files, images may be data: URLs
 * (the favicon, QR codes). No eval, no inline script or style elements, no plugins, no frames, no forms
 * posting anywhere; the page may not be framed and cannot re-point relative URLs with <base>.
 * React's `style={...}` props are set through the CSSOM, which style-src does not govern, so
 * 'unsafe-inline' is not needed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
