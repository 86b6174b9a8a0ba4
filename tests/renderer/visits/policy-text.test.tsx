import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parsePolicyText } from '../../../src/shared/domain/policy-blocks.js';
import { PolicyText } from '../../../src/renderer/components/PolicyText.js';

describe('the expectations text', () => {
  it('shows markup as text, never as HTML', () => {
    const { container } = render(
      <PolicyText text={'### <b>Photos</b>\n<script>alert(1)</script>\n\n- <img src=x onerror="alert(2)">'} />,
    );
    expect(container.querySelector('script, img, b')).toBeNull();
    expect(screen.getByText('<script>alert(1)</script>').tagName).toBe('P');
    expect(screen.getByRole('heading', { level: 3, name: '<b>Photos</b>' })).toBeTruthy();
    expect(screen.getByRole('listitem').textContent).toBe('<img src=x onerror="alert(2)">');
  });

  it('reads headings, paragraphs and lists, including a list straight after its sentence', () => {
    expect(parsePolicyText('### Why\nOne line\nand the next.\n\nThis includes:\n- phones\n- watches\n\nLast.')).toEqual([
      { kind: 'heading', text: 'Why' },
      { kind: 'paragraph', text: 'One line and the next.' },
      { kind: 'paragraph', text: 'This includes:' },
      { kind: 'list', items: ['phones', 'watches'] },
      { kind: 'paragraph', text: 'Last.' },
    ]);
  });
});
