/**
 * A prop that the props alone decide is wrong. The message names the prop, echoes the bad value
 * and says the fix, but not where: the construct that received the prop adds its path (see
 * render/construct-errors.ts), so every construct-time error names the construct and the prop.
 */
export class PropError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PropError';
  }
}
