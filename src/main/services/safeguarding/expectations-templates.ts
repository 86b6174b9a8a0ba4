import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTING_KINDS, type SettingKind } from '../../../shared/domain/setting.js';
import { ASSETS_DIR } from '../../core/paths.js';

import type { ExpectationsText } from '../../../shared/contract/index.js';

/**
 * Reads a shipped default expectations text. The file has a "# title", a "## Summary" of "- " bullets and
 * a "## Full text" section kept as written (the kiosk renders its ### headings, paragraphs and bullets).
 */
export function parseExpectations(markdown: string): ExpectationsText {
  const text = markdown.replace(/\r\n?/g, '\n');
  const title = /^# (.+)$/m.exec(text)?.[1]?.trim();
  const summaryBlock = /^## Summary\n([\s\S]*?)^## Full text\n/m.exec(text)?.[1];
  const fullStart = text.indexOf('## Full text\n');
  if (!title || summaryBlock === undefined || fullStart < 0) {
    throw new Error('Expectations text must have a title, a Summary and a Full text section');
  }
  const summary = summaryBlock
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2).trim());
  const fullText = text.slice(fullStart + '## Full text\n'.length).trim();
  return { title, summary, fullText };
}

export function loadDefaultExpectations(kind: SettingKind): ExpectationsText {
  return parseExpectations(readFileSync(join(ASSETS_DIR, 'expectations', `${kind}.md`), 'utf8'));
}

/** Both shipped texts, for the setup screen to show and edit before the first version is saved. */
export function allDefaultExpectations(): Record<SettingKind, ExpectationsText> {
  return Object.fromEntries(SETTING_KINDS.map((kind) => [kind, loadDefaultExpectations(kind)])) as Record<SettingKind, ExpectationsText>;
}
