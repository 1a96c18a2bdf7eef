// `@parallel-tool-calls/core-metadata/internal`: helpers the other packages of this repository
// share. Not part of the public API: no stability promise, may change in any release.
export { isRecord } from "./is-record.js";
