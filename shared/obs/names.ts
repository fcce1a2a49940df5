/**
 * obs-websocket-js types the entries of OBS's lists (scenes, inputs, scene items) as JSON
 * objects, so a name field is any JSON value. OBS always sends a string; anything else is no
 * name, rather than the text "[object Object]".
 */
export const nameOf = (value: unknown): string => (typeof value === 'string' ? value : '');
