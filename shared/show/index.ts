/**
 * The show's runtime surface: snapshots, replay and the one accept-then-apply step that every
 * writer (the controller's clicks, the command API, replay after a reload) goes through.
 * A barrel only: each piece lives in a file of its own.
 */
export * from './types';
export * from './commands';
export * from './derive';
export * from './orders';
export * from './onAir';
export * from './snapshot';
export { settle } from './settle';
export { step } from './step';
export { decideAt } from './decideAt';
export { decideCommand } from './decideCommand';
export { startShowActor, applyToActor } from './actor';
export { replay } from './replay';
export { decideBatch } from './decideBatch';
