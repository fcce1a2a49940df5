/** Types of the virtual modules served by onAirBuild.ts. */
declare module 'virtual:flashcue-onair' {
  import type { Locale } from './locale';
  import type { OnAirTable } from './onAirTable';
  export function loadOnAir(locale: Locale): Promise<OnAirTable>;
}
