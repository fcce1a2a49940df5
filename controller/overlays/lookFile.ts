/**
 * The look as a file: every overlay choice and the custom words, to carry to another computer
 * or keep before a change. A file is outside input: checked field by field, and refused as a
 * whole with a sentence per problem (the look in use is never half replaced).
 */
import { z } from 'zod';
import * as m from '../i18n/paraglide/messages.js';
import { wordProblems, type WordsByLang } from '../../shared/i18n/words';
import { wordProblemText } from '../i18n/wordProblem';
import {
  THEME_FIELDS,
  checkField,
  readTheme,
  type OverlayTheme,
  type ThemeField,
} from './overlayTheme';

const LookFile = z.object({
  flashcue: z.literal('look'),
  v: z.literal(1),
  look: z.record(z.string(), z.unknown()),
});

export const LOOK_FILE_NAME = 'flashcue-look.json';

export function lookToFile(theme: OverlayTheme): string {
  return `${JSON.stringify({ flashcue: 'look', v: 1, look: theme }, null, 2)}\n`;
}

export type LookRead = { ok: true; theme: OverlayTheme } | { ok: false; problems: string[] };

/** A look file's text as a theme, or every problem, each naming the field. */
export function lookFromFile(text: string, fileName = LOOK_FILE_NAME): LookRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [m.ovl_file_not_json({ file: fileName, message: (error as Error).message })],
    };
  }
  const file = LookFile.safeParse(json);
  if (!file.success)
    return {
      ok: false,
      problems: [
        m.ovl_file_not_look({
          file: fileName,
          start: '{"flashcue": "look", "v": 1, "look": …}',
        }),
      ],
    };
  const { look } = file.data;
  const problems: string[] = [];
  for (const key of Object.keys(look)) {
    if (!Object.hasOwn(THEME_FIELDS, key)) {
      problems.push(m.ovl_file_unknown_key({ file: fileName, key }));
      continue;
    }
    if (key === 'words') {
      const words = look.words;
      if (!words || typeof words !== 'object' || Array.isArray(words))
        problems.push(m.ovl_file_bad_words({ file: fileName }));
      else
        problems.push(
          ...wordProblems(words as WordsByLang).map((p) =>
            m.ovl_file_problem({ file: fileName, problem: wordProblemText(p) }),
          ),
        );
      continue;
    }
    const checked = checkField(key as ThemeField, look[key]);
    if (!checked.ok)
      problems.push(m.ovl_file_field({ file: fileName, key, problem: checked.message }));
  }
  return problems.length ? { ok: false, problems } : { ok: true, theme: readTheme(look) };
}
