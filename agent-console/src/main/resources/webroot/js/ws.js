// The live channel (/ws): screen-pops, queue state, wrap-up, abandoned calls. Reconnects with back-off
// and pings so that a half-open socket is noticed; pages subscribe by message type.

const handlers = new Map();
let socket = null;
let wanted = false;
let retry = 0;
let pingTimer = null;
let stateListener = () => {};

export function onMessage(type, fn) {
  if (!handlers.has(type)) handlers.set(type, new Set());
  handlers.get(type).add(fn);
  return () => handlers.get(type)?.delete(fn);
}

export function onState(fn) { stateListener = fn; }
export const isOpen = () => socket?.readyState === WebSocket.OPEN;

export function connect() {
  wanted = true;
  if (socket && socket.readyState <= WebSocket.OPEN) return;
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
  const ws = new WebSocket(url);
  socket = ws;
  ws.addEventListener('open', () => {
    retry = 0;
    stateListener(true);
    clearInterval(pingTimer);
    pingTimer = setInterval(() => { if (ws.readyState === WebSocket.OPEN) ws.send('{"type":"ping"}'); }, 25000);
  });
  ws.addEventListener('message', e => {
    let msg;
    try { msg = JSON.parse(e.data); } catch { return; }
    if (msg.type === 'session-expired') wanted = false;
    for (const fn of handlers.get(msg.type) ?? []) {
      try { fn(msg.data ?? {}); } catch (err) { console.error('ws handler', msg.type, err); }
    }
  });
  ws.addEventListener('close', () => {
    clearInterval(pingTimer);
    stateListener(false);
    if (socket === ws) socket = null;
    if (wanted) setTimeout(connect, Math.min(15000, 500 * 2 ** retry++));
  });
}

export function disconnect() {
  wanted = false;
  clearInterval(pingTimer);
  socket?.close();
  socket = null;
}
