/**
 * The server's clock now, from its last heartbeat time and the wall time that heartbeat arrived:
 * entities are stamped by the server, whose clock may differ from the wall PC's (or run faster,
 * in a compressed demo). Before any heartbeat, the wall's own clock is the best there is.
 */
export const estimateServerNow = (serverTime: number | null, heardAtWallMs: number, wallNowMs: number): number =>
  serverTime === null ? wallNowMs : serverTime + Math.max(0, wallNowMs - heardAtWallMs);
