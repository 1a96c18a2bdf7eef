/** The route of the Responses API. */
export const RESPONSES_PATH = "/v1/responses";
