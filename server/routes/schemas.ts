/** Small JSON-schema helpers so every route declares strict bodies, params and error responses. */
export const errorResponses = {
  204: { type: 'null', description: 'No content' },
  400: { $ref: 'errorBody#' },
  401: { $ref: 'errorBody#' },
  403: { $ref: 'errorBody#' },
  404: { $ref: 'errorBody#' },
  409: { $ref: 'errorBody#' },
} as const;

export function strictObject(properties: Record<string, unknown>, required: string[] = []) {
  return { type: 'object', additionalProperties: false, properties, required } as const;
}

export const uuid = { type: 'string', format: 'uuid' } as const;
export const code = { type: 'string', minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$' } as const;
export const shortText = { type: 'string', minLength: 1, maxLength: 200 } as const;
export const isoDate = { type: 'string', format: 'date' } as const;

export const idParams = strictObject({ id: uuid }, ['id']);

/** Query strings are not coerced (coerceTypes: false), so numbers arrive as digit strings. */
export const intString = { type: 'string', pattern: '^[0-9]{1,6}$' } as const;
export const paging = { limit: intString, offset: intString } as const;

export function pageOf(query: { limit?: string; offset?: string }): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Number(query.limit ?? 50) || 50, 1), 200);
  const offset = Math.max(Number(query.offset ?? 0) || 0, 0);
  return { limit, offset };
}

/** Anything JSON (for free-form data/variables); objects only. */
export const jsonObject = { type: 'object', additionalProperties: true } as const;
