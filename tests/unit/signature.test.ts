import { describe, expect, it } from 'vitest';
import { inkLength, parseSignature, signaturePath, signatureProblem } from '../../src/shared/domain/signature.js';

describe('a signature as strokes', () => {
  it('is written as whole numbers inside the pad, a tap as a dot, and read back as written', () => {
    const path = signaturePath([[[10.4, 20.6], [-5, 400], [1200.2, 150]], [[500, 150]]]);
    expect(path).toBe('M10 21L0 300L1000 150M500 150L500 150');
    expect(parseSignature(path)).toEqual([[[10, 21], [0, 300], [1000, 150]], [[500, 150], [500, 150]]]);
    expect(signaturePath(parseSignature(path)!)).toBe(path);
  });

  it('reads nothing but the moves and lines it writes', () => {
    for (const junk of ['', 'M10 10', 'M10 10L20', 'M10 10 L20 20', 'm10 10l20 20', 'M10 10L020 20', 'M10 10L20 20Z', 'M1e3 10L20 20', 'M10 10L20 20 ', 'M10 10L20 301']) {
      expect(parseSignature(junk), junk).toBeNull();
    }
  });

  it('counts the ink drawn: a tap or a tick is not a signature, initials are', () => {
    expect(inkLength(parseSignature('M0 0L30 40L30 40')!)).toBe(50);
    expect(signatureProblem('M0 0L30 40')).toBe('too_little');
    expect(signatureProblem('M100 200L300 200L500 120')).toBeNull();
    expect(signatureProblem('<path d="M100 200L300 200"/>')).toBe('unreadable');
  });
});
