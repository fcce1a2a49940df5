/** Small zod/mini field builders shared by the message catalogue and the view schema. */
import * as z from 'zod/mini';

export const int = () => z.number().check(z.int());
export const nonneg = () => z.number().check(z.int(), z.nonnegative());
export const text = (max: number) => z.string().check(z.maxLength(max));
export const nullable = <T extends z.ZodMiniType>(t: T) => z.nullable(t);
