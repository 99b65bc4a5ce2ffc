// Property tests run on one fixed seed, so a test run is deterministic: CI fails only on a change,
// never on a draw. HYOKA_FC_SEED=<n> replays another seed; HYOKA_FC_SEED=random explores
// (`npm run test:explore`), and a failure prints the seed and path to replay it.
import fc from 'fast-check';

const DEFAULT_SEED = 20_261_129;
const wanted = process.env.HYOKA_FC_SEED;

if (wanted !== 'random') {
  const seed = wanted === undefined || wanted === '' ? DEFAULT_SEED : Number(wanted);
  if (!Number.isSafeInteger(seed)) throw new Error(`HYOKA_FC_SEED must be an integer or "random", got ${JSON.stringify(wanted)}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
