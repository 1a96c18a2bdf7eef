/** Reads the next chunk, or answers "timeout" if none arrives within `ms` (the read stays pending). */
export function readWithin<R>(reader: { read(): Promise<R> }, ms: number): Promise<R | "timeout"> {
  if (ms <= 0) return Promise.resolve("timeout");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
  });
  return Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
}
