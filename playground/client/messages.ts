/** What a sidebar or dialog (through the shim) and the playground page post to each other. */
export type FromSurface =
  | { type: 'run'; id: number; name: string; args: unknown[] }
  | { type: 'close' }
  | { type: 'resize'; width?: number; height?: number }
  | { type: 'focus-editor' };

export interface ToSurface {
  type: 'run-reply';
  id: number;
  result?: unknown;
  /** Set when the call failed: the failure handler gets an Error with this message. */
  error?: string;
}
