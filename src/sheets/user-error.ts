/** An error meant for the user, in their language: the sidebar shows its message as it is. */
export class UserError extends Error {
  override name = 'UserError';
}
