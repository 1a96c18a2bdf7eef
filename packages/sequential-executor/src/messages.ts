// The texts the model reads for calls that did not produce a result of their own.
// The single-tool and rejection texts follow the wording agents have used, which models know.

export const resultText = {
  unknownTool: (name: string, available: readonly string[]) =>
    `Unknown tool "${name}". This tool does not exist. Please use one of the available tools${
      available.length > 0 ? `: ${available.join(", ")}` : ""
    }.`,
  unparsedArguments: (name: string, reason: string) =>
    `Tool [${name}] was not executed because its arguments could not be parsed: ${reason}`,
  invalidInput: (name: string, reason: string) =>
    `Tool [${name}] was not executed because its input is invalid: ${reason}`,
  incomplete: (name: string) => `Tool [${name}] was not executed because its arguments never finished streaming.`,
  threw: (name: string, reason: string) => `Tool [${name}] failed: ${reason}`,
  badOutput: (name: string) => `Tool [${name}] returned an invalid result (expected a string or { content: string }).`,
  approvalFailed: (name: string, reason: string) =>
    `Tool [${name}] was not executed because its approval check failed: ${reason}`,
  denied: (name: string) => `The user denied this operation: tool [${name}] was not executed.`,
  skippedAfterRejection: (name: string) => `Skipping tool [${name}] due to user rejecting a previous tool.`,
  singleToolLimit: (name: string) =>
    `Tool [${name}] was not executed because a tool has already been used in this message. Only one tool may be used per message. You must assess the first tool's result before proceeding to use the next tool.`,
  interruptedRunning: (name: string) => `Tool [${name}] was interrupted before it finished.`,
  interruptedPending: (name: string) => `Tool [${name}] was not executed because the task was interrupted.`,
  streamFailed: (name: string, reason: string) =>
    `Tool [${name}] was not executed because the response failed before it could run: ${reason}`,
};
