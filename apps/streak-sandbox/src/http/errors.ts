// Every error leaves the sandbox as Streak's body: {"success": false, "error": "<message>"}.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);

/** The message Streak uses when an entity key does not resolve. */
export const notFound = (): ApiError => new ApiError(404, 'existing entity does not exist');

export const malformedKey = (): ApiError =>
  new ApiError(400, 'Illegal Argument Exception in GetEntities, usually a key issue');

export function errorBody(message: string): { success: false; error: string } {
  return { success: false, error: message };
}
