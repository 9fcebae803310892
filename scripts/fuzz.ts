/**
 * npm run fuzz: the journey tests, long. `npm run fuzz -- --runs 500 --steps 30 --seed 42`.
 * fast-check prints the seed and the shrunk sequence of any failure; run it again with `--seed`.
 */
import { spawnSync } from 'node:child_process';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const env = {
  ...process.env,
  JOURNEY_RUNS: arg('runs', '200'),
  JOURNEY_STEPS: arg('steps', '25'),
  ...(process.argv.includes('--seed') ? { JOURNEY_SEED: arg('seed', '') } : {}),
};
console.log(
  `journeys: ${env.JOURNEY_RUNS} runs of up to ${env.JOURNEY_STEPS} steps${env.JOURNEY_SEED ? `, seed ${env.JOURNEY_SEED}` : ''}`,
);
const r = spawnSync('npx', ['vitest', 'run', 'test/journeys'], { env, stdio: 'inherit' });
process.exit(r.status ?? 1);
