/**
 * The server's clock now, from its last heartbeat time and the wall time that heartbeat arrived,
 * moved on at the server clock's own speed (60 in a compressed demo): entities are stamped by the
 * server, whose clock may differ from the wall PC's, run faster, or be set back by a reset to
 * morning. Before any heartbeat, the wall's own clock is the best there is.
 */
export const estimateServerNow = (serverTime: number | null, heardAtWallMs: number, wallNowMs: number, speed = 1): number =>
  serverTime === null ? wallNowMs : serverTime + Math.max(0, wallNowMs - heardAtWallMs) * speed;
