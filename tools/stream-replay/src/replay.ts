import { startTestServer } from "@parallel-tool-calls/testing";
import { compare, FIELDS, type Field, type FieldResult } from "./compare.js";
import { expectedOf } from "./expected.js";
import { expectedOfResponses } from "./expected-responses.js";
import { observe } from "./observe.js";
import { handlerKindOf, isResponsesRecording, loadRecordings } from "./recordings.js";
import type { StreamSummary } from "./summary.js";

export interface ReplayResult {
  name: string;
  handler: string;
  expected: StreamSummary;
  actual: StreamSummary;
  errorCode?: string;
  fields: Record<Field, FieldResult>;
  /** True when no field differs from the recording. */
  complete: boolean;
}

/** Replays every recording under `folder` through the handlers over HTTP, one at a time. */
export async function replayFolder(folder: string): Promise<ReplayResult[]> {
  const recordings = loadRecordings(folder);
  // Recordings are served as recorded; the server must not judge the (placeholder) request.
  const server = await startTestServer({ validateRequests: false });
  const results: ReplayResult[] = [];
  try {
    for (const recording of recordings) {
      const expected = isResponsesRecording(recording)
        ? expectedOfResponses(recording.lines)
        : expectedOf(recording.lines, handlerKindOf(recording.meta) === "openrouter");
      const observed = await observe(recording, server);
      const fields = compare(expected, observed.summary);
      results.push({
        name: recording.name,
        handler: observed.handler,
        expected,
        actual: observed.summary,
        ...(observed.errorCode === undefined ? {} : { errorCode: observed.errorCode }),
        fields,
        complete: FIELDS.every((field) => fields[field].problem === undefined),
      });
    }
  } finally {
    await server.close();
  }
  return results;
}
