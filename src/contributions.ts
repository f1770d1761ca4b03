/**
 * The commands the extension registers at activation, before its implementation is loaded: `extension.ts`
 * registers a forwarding handler for each id and `lens.ts` must supply the real one (the types make it).
 */
export const COMMAND_IDS = [
  'activationLens.plot',
  'activationLens.compare',
  'activationLens.toggleFollowCursor',
] as const;

/** Commands only tests use: registered outside production mode, declared nowhere in package.json. */
export const TEST_COMMAND_IDS = [
  'activationLens.test.plotState',
  'activationLens.test.nextRendered',
  'activationLens.test.echo',
  'activationLens.test.textReads',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
export type TestCommandId = (typeof TEST_COMMAND_IDS)[number];
export type CommandHandler = (...args: never[]) => unknown;
