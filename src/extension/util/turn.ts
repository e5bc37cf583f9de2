/** Resolves after the event loop has turned once: long work in the host yields with it between slices. */
export const nextTurn = (): Promise<void> => new Promise(resolve => setImmediate(resolve));
