import type { SignatureView } from '../../shared/contract/index.js';
import { parseSignature, SIGNATURE_HEIGHT, SIGNATURE_WIDTH, type SignatureStroke } from '../../shared/domain/signature.js';
import { formatDateTime } from '../../shared/domain/time.js';
import './signature-image.css';

/** Room kept round the ink, in the pad's units. */
const MARGIN = 20;

/**
 * The part of the pad the ink covers, with a margin, widened or heightened to the pad's shape: a signature
 * written small in one corner of the pad still fills the picture, so it can be read at a glance.
 */
function inkBox(strokes: readonly SignatureStroke[]): string {
  const xs = strokes.flatMap((s) => s.map(([x]) => x));
  const ys = strokes.flatMap((s) => s.map(([, y]) => y));
  let [left, top] = [Math.min(...xs) - MARGIN, Math.min(...ys) - MARGIN];
  let [width, height] = [Math.max(...xs) + MARGIN - left, Math.max(...ys) + MARGIN - top];
  const ratio = SIGNATURE_WIDTH / SIGNATURE_HEIGHT;
  if (width / height < ratio) {
    left -= (height * ratio - width) / 2;
    width = height * ratio;
  } else {
    top -= (width / ratio - height) / 2;
    height = width / ratio;
  }
  return [left, top, width, height].map((n) => Math.round(n)).join(' ');
}

/**
 * A signature drawn at the kiosk, small: an <svg> with one path whose `d` React sets as an attribute (never
 * markup). Strokes that are not the kiosk's grammar (a database edited by hand) are not drawn at all.
 */
export function SignatureImage({ signature }: { signature: SignatureView }) {
  const label = `Signature drawn at the kiosk on ${formatDateTime(signature.signedAt)}`;
  const strokes = parseSignature(signature.strokes);
  if (!strokes) return <span>{label} (it cannot be shown)</span>;
  return (
    <svg className="signature-image" role="img" aria-label={label} viewBox={inkBox(strokes)} preserveAspectRatio="xMidYMid meet">
      <title>{label}</title>
      {/* The line keeps the same weight on screen however much the ink was enlarged to fill the picture. */}
      <path d={signature.strokes} fill="none" stroke="#0d1b21" strokeWidth={2.5} vectorEffect="non-scaling-stroke" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
