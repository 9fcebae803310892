/**
 * Model-based journeys: random sequences of what a team does to its quarter, run on the emulator
 * through the bundle, with every invariant checked after each step (see world.ts). A bounded run is
 * part of `npm test`; `npm run fuzz` runs many more and prints the seed of any failure.
 */
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { commands } from './commands';
import { newWorld } from './world';

const runs = Number(process.env.JOURNEY_RUNS ?? 12);
const maxCommands = Number(process.env.JOURNEY_STEPS ?? 12);
const seed = process.env.JOURNEY_SEED === undefined ? undefined : Number(process.env.JOURNEY_SEED);
const tally = { journeys: 0, steps: 0 };

afterAll(() => {
  console.log(`journeys: ${tally.journeys} run, ${tally.steps} steps checked`);
});

test('a team’s random journeys keep every invariant: nothing typed lost or moved, every check-in logged, every closed objective in the history once', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('en_US', 'fr_FR'),
      fc.commands(commands, { maxCommands, size: 'max' }),
      (locale, cmds) => {
        const world = newWorld(locale);
        fc.modelRun(() => world, cmds);
        tally.journeys++;
        tally.steps += world.model.steps;
      },
    ),
    { numRuns: runs, ...(seed === undefined ? {} : { seed }), verbose: 1 },
  );
  expect(tally.journeys).toBeGreaterThanOrEqual(runs);
}, 600_000);
