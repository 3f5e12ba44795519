/**
 * PATCH bodies: JSON Patch (RFC 6902, with fast-json-patch) and JSON Merge Patch (RFC 7386). Strategic
 * merge patch is treated as a merge patch: the simulated resources have no list merge keys that matter.
 */
import { applyPatch, JsonPatchError } from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { ApiError } from './status';

const JSON_PATCH = 'application/json-patch+json';
const MERGE_PATCH = 'application/merge-patch+json';
const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** RFC 7386 MergePatch: objects merge key by key, null deletes, anything else replaces. */
export const mergePatch = (target: unknown, patch: unknown): unknown => {
  if (!isPlainObject(patch)) return patch;
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) Reflect.deleteProperty(result, key);
    else result[key] = mergePatch(result[key], value);
  }
  return result;
};

/** The API server's 422 for a patch that cannot be applied. */
const patchFailed = (message: string): ApiError =>
  new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request`, {
    causes: [{ reason: 'FieldValueInvalid', message }],
  });

const mediaTypeOf = (contentType: string): string => contentType.split(';')[0].trim().toLowerCase();

/** Whether PATCH understands this content type (others get 415 before the body is read as JSON). */
export const isPatchContentType = (contentType: string): boolean =>
  [JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH].includes(mediaTypeOf(contentType));

/** Applies a PATCH body of the given content type to a copy of `current`. */
export const applyPatchBody = (current: unknown, contentType: string, body: unknown): unknown => {
  const mediaType = mediaTypeOf(contentType);
  if (mediaType === JSON_PATCH) {
    if (!Array.isArray(body)) {
      throw new ApiError(
        400,
        'BadRequest',
        'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
      );
    }
    try {
      return applyPatch(current, body as Operation[], true, false).newDocument;
    } catch (error) {
      if (error instanceof JsonPatchError) {
        const operation = error.operation as Operation | undefined;
        const op = operation?.op ?? 'unknown';
        const path = operation?.path ?? '';
        throw patchFailed(
          `jsonpatch ${op} operation does not apply: ${error.message.split('\n')[0]} at "${path}"`,
        );
      }
      throw error;
    }
  }
  if (mediaType === MERGE_PATCH || mediaType === STRATEGIC_MERGE_PATCH) {
    if (!isPlainObject(body))
      throw new ApiError(400, 'BadRequest', 'the patch body must be a JSON object');
    return mergePatch(current, body);
  }
  throw new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${JSON_PATCH}, ${MERGE_PATCH}, ${STRATEGIC_MERGE_PATCH}`,
  );
};
