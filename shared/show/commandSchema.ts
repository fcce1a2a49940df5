/**
 * The show's commands as zod reads them: every command a producer or a tool can give, with
 * its optional arguments. `decide` (commands.ts) fills in the defaults and refuses.
 */
import { z } from 'zod';
import { SaleCancelCommand, SaleCommand } from './orders';
import { ReplanCommand } from './replan';
import { MarkerCommand } from '../marker/marker';

const Index = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .nonnegative('must not be negative');
const Qty = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(100_000, 'is implausibly large');
const Seconds = z
  .number({ error: 'must be a number of seconds' })
  .int('must be whole seconds')
  .min(1, 'must be at least 1 second')
  .max(24 * 3600, 'must be at most 24 hours');
const MinorPrice = z
  .number({ error: 'must be a number' })
  .int('must be whole minor units')
  .nonnegative('must not be negative');
const ProductRef = z
  .string({ error: 'must be a product id' })
  .trim()
  .min(1, 'must not be empty')
  .max(64);

const bare = <T extends string>(type: T) => z.strictObject({ type: z.literal(type) });

export const ShowCommand = z.discriminatedUnion(
  'type',
  [
    bare('show.start'),
    bare('show.next'),
    bare('show.prev'),
    z.strictObject({ type: z.literal('show.goto'), index: Index }),
    z.strictObject({ type: z.literal('show.pause'), freezeDeal: z.boolean().optional() }),
    bare('show.resume'),
    bare('show.end'),
    z.strictObject({
      type: z.literal('deal.start'),
      productId: ProductRef.optional(),
      price: MinorPrice.optional(),
      seconds: Seconds.optional(),
      quantity: Qty.optional(),
    }),
    z.strictObject({ type: z.literal('deal.extend'), seconds: Seconds }),
    bare('deal.end'),
    SaleCommand,
    bare('sale.undo'),
    SaleCancelCommand,
    z.strictObject({
      type: z.literal('stock.set'),
      productId: ProductRef,
      remaining: Index.max(1e9),
    }),
    z
      .strictObject({
        type: z.literal('viewers'),
        concurrent: Index.max(1e9).optional(),
        unique: Index.max(1e10).optional(),
      })
      .refine(
        (v) => v.concurrent !== undefined || v.unique !== undefined,
        'give concurrent and/or unique viewers',
      ),
    bare('lowerThird.show'),
    bare('lowerThird.hide'),
    z.strictObject({
      type: z.literal('cue'),
      text: z
        .string({ error: 'must be text' })
        .trim()
        .min(1, 'must not be empty')
        .max(200, 'must be at most 200 characters'),
    }),
    ReplanCommand,
    MarkerCommand,
  ],
  { error: 'is not a command Flashcue knows' },
);

export type ShowCommand = z.infer<typeof ShowCommand>;
export type ShowCommandInput = z.input<typeof ShowCommand>;
