/**
 * Asks `probe` every 100 ms until `ok` accepts its answer or `timeout` ms have passed; returns the last answer
 * (the test asserts on it, so a timeout shows what was seen instead of a bare "timed out").
 */
export async function poll<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeout = 8000): Promise<T> {
  const until = Date.now() + timeout;
  let value = await probe();
  while (!ok(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    value = await probe();
  }
  return value;
}
