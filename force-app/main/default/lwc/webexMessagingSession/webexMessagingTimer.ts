/**
 * The session's deliberate waits (token renewal, the first connection of the websocket, the Apex fallback's
 * refresh), each cleared by the stop it returns.
 */
export function timer(ms: number, run: () => void): () => void {
    // A deliberate wait (token renewal, fallback refresh): cleared by the returned stop.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    const id = setTimeout(run, ms);
    return () => clearTimeout(id);
}
