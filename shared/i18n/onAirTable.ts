/** The on-air messages of one language, as an overlay page loads them (onAirBuild.ts). */
import type * as messages from './paraglide/messages.js';

type All = typeof messages;
export type OnAirMessageKey = Extract<keyof All, `ov_${string}`>;
export type OnAirTable = Pick<All, OnAirMessageKey>;
