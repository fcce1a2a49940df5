// The page language's strings (a virtual module of shared/i18n/onAirBuild.ts, typed in
// shared/i18n/onAir.d.ts), behind a plain module so type-aware lint sees its types.
import type { Locale } from '../../shared/i18n/locale';
import type { OnAirTable } from '../../shared/i18n/onAirTable';
import { loadOnAir as load } from 'virtual:flashcue-onair';

export const loadOnAir: (locale: Locale) => Promise<OnAirTable> = load;
