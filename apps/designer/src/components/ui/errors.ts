/** The message of a failed tRPC call; the server's messages already say what to do. */
export function messageOf(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err && typeof err.message === 'string') return err.message;
  return 'Something went wrong; try again.';
}
