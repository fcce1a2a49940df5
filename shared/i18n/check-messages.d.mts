/** Types of check-messages.mjs (plain JavaScript so Node runs it without a build). */
export type MessageFile = Record<string, unknown>;
export function checkMessages(
  files: Record<string, MessageFile>,
  base: string,
  dir?: string,
): string[];
export function checkProject(root: string, project?: string): string[];
