/** Values a careless or hostile tool may throw or return; reading any of them the obvious way throws. */
export function hostileValues(): Array<[string, () => unknown]> {
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const throwing = (key: string) => () =>
    Object.defineProperty({}, key, {
      enumerable: true,
      get() {
        throw new Error(`${key} getter threw`);
      },
    });
  return [
    ["a revoked Proxy", revoked],
    [
      "a revoked Proxy of an Error",
      () => {
        const { proxy, revoke } = Proxy.revocable(new Error("boom"), {});
        revoke();
        return proxy;
      },
    ],
    [
      "an Error whose message getter throws",
      () =>
        Object.defineProperty(new Error("x"), "message", {
          get() {
            throw new Error("message getter threw");
          },
        }),
    ],
    ["an object whose message getter throws", throwing("message")],
    [
      "an object whose toString and toJSON throw",
      () => ({
        toString() {
          throw new Error("toString threw");
        },
        toJSON() {
          throw new Error("toJSON threw");
        },
      }),
    ],
    ["an object whose then getter throws", throwing("then")],
    ["an object whose content getter throws", throwing("content")],
    [
      "a Proxy whose every trap throws",
      () =>
        new Proxy(
          {},
          {
            get() {
              throw new Error("get trap");
            },
            getPrototypeOf() {
              throw new Error("getPrototypeOf trap");
            },
            ownKeys() {
              throw new Error("ownKeys trap");
            },
            has() {
              throw new Error("has trap");
            },
          },
        ),
    ],
    ["a symbol", () => Symbol("s")],
    ["a BigInt", () => 10n],
    [
      "a cyclic object",
      () => {
        const cyclic: Record<string, unknown> = {};
        cyclic.self = cyclic;
        return cyclic;
      },
    ],
    ["null", () => null],
    ["an Error with a non-string message", () => Object.assign(new Error(), { message: { nested: true } })],
    [
      "a huge multi-line message with a key",
      () => new Error(`sk-live-0123456789abcdef ${"x".repeat(2_000_000)}\nsecond`),
    ],
  ];
}
