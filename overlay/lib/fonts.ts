/**
 * The overlays' font stacks. System stacks only: an OBS browser source must never wait on a
 * web-font download while it is on air. Its own file, so the options parser and the theme
 * both read it without importing each other.
 */
export const FONTS = {
  inter:
    'Inter, "Inter Variable", "Segoe UI Variable Display", "Segoe UI", "SF Pro Display", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif',
  system:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif',
  condensed:
    '"Roboto Condensed", "Arial Narrow", "Liberation Sans Narrow", "Helvetica Neue Condensed", "Segoe UI", sans-serif',
  rounded:
    'ui-rounded, "SF Pro Rounded", "Nunito", "Varela Round", "Segoe UI", Roboto, Arial, sans-serif',
  serif: 'Georgia, "Iowan Old Style", "Times New Roman", "Liberation Serif", serif',
  mono: 'ui-monospace, "SF Mono", "Cascadia Mono", Consolas, "Liberation Mono", monospace',
} as const;

export type FontKey = keyof typeof FONTS;
export const FONT_KEYS = Object.keys(FONTS) as FontKey[];
