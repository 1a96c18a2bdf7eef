// The project's single redaction module lives in core-metadata; re-exported here for handler code.
export { redact, redactSecrets } from "@parallel-tool-calls/core-metadata";
