/** The draft being edited, handed to the editor's field components without prop drilling. */
import { getContext, setContext } from 'svelte';
import type { EditorDraft } from './editorDraft.svelte';

const KEY = Symbol('flashcue-editor-draft');

export function setDraft(draft: EditorDraft): void {
  setContext(KEY, draft);
}

export function getDraft(): EditorDraft {
  const draft = getContext<EditorDraft | undefined>(KEY);
  if (!draft) throw new Error('Flashcue: editor fields must render inside the editor.');
  return draft;
}
