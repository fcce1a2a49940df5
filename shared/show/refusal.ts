/**
 * A refusal in two forms: the English sentence (the command API's default answer and the
 * tests' wording) and a code with its parameters, which the controller renders in the
 * producer's language. shared/ holds no translations: only the code names what was refused.
 */
export type RefusalParams = Record<string, string | number>;

export interface Refusal {
  ok: false;
  error: string;
  /** The sentence's code (controller message `refuse_<code>`), when it has one. */
  code?: string;
  params?: RefusalParams;
}

export const refusal = (error: string, code?: string, params?: RefusalParams): Refusal =>
  code ? { ok: false, error, code, ...(params ? { params } : {}) } : { ok: false, error };
