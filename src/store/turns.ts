// Long work in this process (an import's statements and its diff of every stored row) lets the
// event loop take a turn now and then, so other requests — /healthz first — are answered
// meanwhile instead of after it. A turn is taken only once 10 ms have passed since the last,
// so short work pays nothing and long work a setImmediate every 10 ms.
const TURN_MS = 10;
let lastTurn = performance.now();

export async function takeTurn(): Promise<void> {
  if (performance.now() - lastTurn < TURN_MS) return;
  await new Promise((resolve) => setImmediate(resolve));
  lastTurn = performance.now();
}
