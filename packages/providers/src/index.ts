/**
 * `buildApiHandler`, which picks the provider handler for an agent's saved settings.
 *
 * @packageDocumentation
 */
export { type BuildApiHandlerOptions, buildApiHandler } from "./build-api-handler.js";
