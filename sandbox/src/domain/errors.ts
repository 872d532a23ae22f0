// Errors carry the Nest exception class name Cal.com puts in `error.code` (REFERENCE.md §1).
export class CalApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new CalApiError(400, 'BadRequestException', message, details)
export const unauthorized = (message: string) =>
  new CalApiError(401, 'UnauthorizedException', message)
export const forbidden = (message: string) => new CalApiError(403, 'ForbiddenException', message)
export const notFound = (message: string) => new CalApiError(404, 'NotFoundException', message)
export const conflict = (message: string) => new CalApiError(409, 'ConflictException', message)

export const THROTTLED_MESSAGE = 'CustomThrottlerGuard - Too many requests. Please try again later.'
export const throttled = () =>
  new CalApiError(429, 'ThrottlerException', THROTTLED_MESSAGE, THROTTLED_MESSAGE)
export const internalError = () =>
  new CalApiError(500, 'InternalServerErrorException', 'Internal server error')
