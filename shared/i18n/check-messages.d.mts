/** Types of check-messages.mjs (plain JavaScript so Node runs it without a build). */
export type MessageFile = Record<string, unknown>;
export function checkMessages(
  files: Record<string, MessageFile>,
  base: string,
  dir?: string,
): string[];
export function checkProject(root: string, project?: string): string[];
/** What one message needs from its caller and the plural forms it covers, or its problem. */
export function describeMessage(
  value: unknown,
):
  | { inputs: Set<string>; plural: { selector: string; categories: Set<string> } | null }
  | { problem: string };
