import { useEffect, useId, useRef, type PointerEvent } from 'react';
import {
  MIN_POINT_GAP, parseSignature, SIGNATURE_HEIGHT, SIGNATURE_WIDTH, signaturePath, signatureProblem, type SignaturePoint, type SignatureStroke,
} from '../../../shared/domain/signature.js';
import { BigButton } from '../../components/BigButton.js';
import './signature-pad.css';

/** How thick the ink is, in the pad's own units (a thousandth of its width): bold enough to see at arm's length. */
const INK_WIDTH = 7;
const INK_COLOUR = '#0d1b21';

function paint(canvas: HTMLCanvasElement | null, strokes: readonly SignatureStroke[]): void {
  const g = canvas?.getContext('2d');
  if (!g) return;
  g.clearRect(0, 0, SIGNATURE_WIDTH, SIGNATURE_HEIGHT);
  g.lineWidth = INK_WIDTH;
  g.lineCap = 'round';
  g.lineJoin = 'round';
  g.strokeStyle = INK_COLOUR;
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    g.beginPath();
    g.moveTo(first[0], first[1]);
    // A tap is one point: a short line to itself draws the round dot the stored path shows too.
    for (const [x, y] of rest.length ? rest : [first]) g.lineTo(x, y);
    g.stroke();
  }
}

/**
 * A box to sign in with a finger, a pen or a mouse (Pointer Events, one pointer at a time, so a palm or a
 * second finger does not scribble). What is drawn is kept as strokes in the pad's fixed box, handed to
 * `onChange` as the path the contract checks (null when the box is empty); the canvas only shows it. The
 * strokes come back from `value`, so returning to this screen shows the signature as it was.
 */
export function SignaturePad({ value, onChange, describedBy }: { value: string | null; onChange: (path: string | null) => void; describedBy?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<SignaturePoint[][]>([]);
  const drawing = useRef<number | null>(null);
  const statusId = useId();

  // The strokes follow `value` when it changes from outside (a new visitor, "Start again", back to this screen).
  useEffect(() => {
    if (value === (strokes.current.length ? signaturePath(strokes.current) : null)) return;
    strokes.current = value ? (parseSignature(value)?.map((s) => [...s]) ?? []) : [];
    paint(canvas.current, strokes.current);
  }, [value]);

  /** Where the pointer is, in the pad's box, whatever size the canvas is shown at. */
  const pointAt = (e: PointerEvent<HTMLCanvasElement>): SignaturePoint => {
    const box = e.currentTarget.getBoundingClientRect();
    const x = box.width > 0 ? ((e.clientX - box.left) / box.width) * SIGNATURE_WIDTH : 0;
    const y = box.height > 0 ? ((e.clientY - box.top) / box.height) * SIGNATURE_HEIGHT : 0;
    return [Math.round(x), Math.round(y)];
  };

  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current !== null || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    // Keeps the stroke's moves coming to the pad even when the finger slides off its edge.
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drawing.current = e.pointerId;
    strokes.current.push([pointAt(e)]);
    paint(canvas.current, strokes.current);
  };

  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current !== e.pointerId) return;
    const stroke = strokes.current[strokes.current.length - 1]!;
    const last = stroke[stroke.length - 1]!;
    const next = pointAt(e);
    if (Math.hypot(next[0] - last[0], next[1] - last[1]) < MIN_POINT_GAP) return;
    stroke.push(next);
    paint(canvas.current, strokes.current);
  };

  const up = (e: PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current !== e.pointerId) return;
    drawing.current = null;
    onChange(signaturePath(strokes.current));
  };

  const clear = () => {
    drawing.current = null;
    strokes.current = [];
    paint(canvas.current, strokes.current);
    onChange(null);
  };

  const signed = value !== null && signatureProblem(value) === null;
  return (
    <div className="signature-pad">
      <canvas
        ref={canvas}
        className="signature-canvas"
        width={SIGNATURE_WIDTH}
        height={SIGNATURE_HEIGHT}
        role="img"
        aria-label="Signature box: sign your name here with your finger"
        aria-describedby={[statusId, describedBy].filter(Boolean).join(' ')}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        onLostPointerCapture={up}
      />
      <div className="signature-under">
        <p id={statusId} className="signature-status" role="status">
          {signed ? 'Signed. Tap “Clear” to sign again.' : value ? 'Keep going: sign your name in full or your initials.' : 'Nothing signed yet.'}
        </p>
        <BigButton variant="secondary" onClick={clear} disabled={value === null}>Clear</BigButton>
      </div>
    </div>
  );
}
