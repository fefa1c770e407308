// The transcriber's audio player: play/pause, ±5 s, speed 0.75–2×, a waveform drawn from the decoded
// audio (a plain bar when the browser cannot decode it) with click-to-seek, and keyboard shortcuts.
// Media time runs left to right even in the right-to-left page, as on a tape.
import {h} from './dom.js';
import {duration, faDigits} from './fmt.js';

export const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
const STEP = 5;

export class Player {
  constructor(src, {label = 'پخش', compact = false} = {}) {
    this.src = src;
    this.audio = h('audio', {preload: 'auto', src});
    this.peaks = null;
    this.listeners = new Set();
    this.decodedListeners = new Set();
    this.decoded = null; // {peak (0..1 of full scale), seconds} once the audio is decoded
    this.playBtn = h('button', {type: 'button', class: 'play', title: 'پخش / مکث', 'aria-label': label,
      on: {click: () => this.toggle()}}, '▶');
    this.timeLabel = h('span', {class: 'time'}, '۰:۰۰ / —');
    this.speedSel = h('select', {class: 'speed', title: 'سرعت پخش', 'aria-label': 'سرعت پخش', on: {change: e => this.setRate(+e.target.value)}},
      SPEEDS.map(s => h('option', {value: s, selected: s === 1}, faDigits(s) + '×')));
    this.canvas = h('canvas', {class: 'wave', height: compact ? 28 : 64, 'aria-label': 'نوار پیشرفت؛ برای جابه‌جایی کلیک کنید',
      role: 'slider', tabindex: 0, on: {click: e => this.seekFromClick(e), keydown: e => this.onKey(e)}});
    const back = h('button', {type: 'button', title: '۵ ثانیه عقب', on: {click: () => this.skip(-STEP)}}, '−۵ث');
    const fwd = h('button', {type: 'button', title: '۵ ثانیه جلو', on: {click: () => this.skip(STEP)}}, '+۵ث');
    this.el = h('div', {class: ['player', compact && 'compact'], dir: 'ltr'},
      this.audio,
      h('div', {class: 'controls'}, compact ? null : back, this.playBtn, compact ? null : fwd, this.timeLabel, compact ? null : this.speedSel),
      this.canvas);
    for (const ev of ['timeupdate', 'play', 'pause', 'loadedmetadata', 'ended', 'seeked']) {
      this.audio.addEventListener(ev, () => this.refresh());
    }
    this.audio.addEventListener('error', () => { this.timeLabel.textContent = 'صدا در دسترس نیست'; });
    this.loadPeaks();
    const ro = new ResizeObserver(() => this.draw());
    ro.observe(this.canvas);
  }

  get currentTime() { return this.audio.currentTime; }
  get duration() { return Number.isFinite(this.audio.duration) ? this.audio.duration : (this.decodedDuration ?? 0); }
  get playing() { return !this.audio.paused; }

  toggle() { if (this.audio.paused) this.play(); else this.audio.pause(); }
  play() { const p = this.audio.play(); if (p) p.catch(() => {}); }
  pause() { this.audio.pause(); }
  skip(delta) { this.seek(this.audio.currentTime + delta); }
  seek(t) {
    const d = this.duration;
    this.audio.currentTime = Math.max(0, d ? Math.min(t, d - 0.01) : t);
    this.refresh();
  }
  setRate(r) {
    this.audio.playbackRate = r;
    this.speedSel.value = String(r);
  }
  faster(dir) {
    const i = SPEEDS.indexOf(this.audio.playbackRate);
    const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (i < 0 ? 1 : i) + dir))];
    this.setRate(next);
  }
  onTime(fn) { this.listeners.add(fn); }
  /** Called once the audio is decoded, with its loudest sample (0..1) and length: an empty or silent message shows. */
  onDecoded(fn) { if (this.decoded) fn(this.decoded); else this.decodedListeners.add(fn); }

  seekFromClick(e) {
    const r = this.canvas.getBoundingClientRect();
    const frac = (e.clientX - r.left) / r.width;
    if (this.duration) this.seek(frac * this.duration);
  }

  onKey(e) {
    if (e.key === 'ArrowLeft') { this.skip(-STEP); e.preventDefault(); }
    if (e.key === 'ArrowRight') { this.skip(STEP); e.preventDefault(); }
    if (e.key === ' ') { this.toggle(); e.preventDefault(); }
  }

  refresh() {
    this.playBtn.textContent = this.audio.paused ? '▶' : '❚❚';
    this.playBtn.classList.toggle('on', !this.audio.paused);
    this.timeLabel.textContent = `${duration(this.audio.currentTime)} / ${this.duration ? duration(this.duration) : '—'}`;
    this.canvas.setAttribute('aria-valuenow', String(Math.round(this.audio.currentTime)));
    this.draw();
    for (const fn of this.listeners) fn(this.audio.currentTime);
  }

  async loadPeaks() {
    try {
      const res = await fetch(this.src, {credentials: 'same-origin'});
      if (!res.ok) return;
      const bytes = await res.arrayBuffer();
      const Ctx = window.OfflineAudioContext || window.webkitOfflineAudioContext;
      const ctx = new Ctx(1, 8000, 8000);
      const buf = await ctx.decodeAudioData(bytes);
      this.decodedDuration = buf.duration;
      const data = buf.getChannelData(0);
      const n = 400, block = Math.max(1, Math.floor(data.length / n));
      const peaks = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        let max = 0;
        for (let j = i * block; j < Math.min(data.length, (i + 1) * block); j++) max = Math.max(max, Math.abs(data[j]));
        peaks[i] = max;
      }
      const loudest = Math.max(...peaks);
      const top = loudest || 1;
      this.peaks = peaks.map(p => p / top);
      this.decoded = {peak: loudest, seconds: buf.duration};
      for (const fn of this.decodedListeners) fn(this.decoded);
      this.decodedListeners.clear();
      this.refresh();
    } catch {
      // Not decodable here (codec, network): the plain progress bar still seeks.
    }
  }

  draw() {
    const c = this.canvas;
    const w = c.clientWidth || 300;
    if (c.width !== w) c.width = w;
    const g = c.getContext('2d');
    const H = c.height;
    g.clearRect(0, 0, w, H);
    const frac = this.duration ? this.audio.currentTime / this.duration : 0;
    const played = getComputedStyle(c).getPropertyValue('--played').trim() || '#0b6e4f';
    const rest = getComputedStyle(c).getPropertyValue('--rest').trim() || '#b8c4cc';
    if (this.peaks) {
      const n = this.peaks.length, bw = w / n;
      for (let i = 0; i < n; i++) {
        const ph = Math.max(1, this.peaks[i] * (H - 4));
        g.fillStyle = (i / n) <= frac ? played : rest;
        g.fillRect(i * bw, (H - ph) / 2, Math.max(1, bw - 0.5), ph);
      }
    } else {
      g.fillStyle = rest;
      g.fillRect(0, H / 2 - 3, w, 6);
      g.fillStyle = played;
      g.fillRect(0, H / 2 - 3, w * frac, 6);
    }
    g.fillStyle = '#c0392b';
    g.fillRect(Math.min(w - 2, w * frac), 0, 2, H);
  }

  destroy() { this.audio.pause(); this.audio.removeAttribute('src'); this.listeners.clear(); this.decodedListeners.clear(); }
}

/**
 * Shortcuts for the workbench, active anywhere on the page: Ctrl+Space play/pause, Ctrl+← / Ctrl+→ ∓5 s,
 * Ctrl+↑ / Ctrl+↓ speed; without Ctrl when the focus is not in a text field. Returns a remover.
 */
export function bindShortcuts(getPlayer) {
  const handler = e => {
    const p = getPlayer();
    if (!p) return;
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement?.tagName ?? '');
    const mod = e.ctrlKey || e.metaKey;
    if (!mod && typing) return;
    if (!mod && document.activeElement === p.canvas) return; // the canvas handles its own keys
    const actions = {' ': () => p.toggle(), ArrowLeft: () => p.skip(-STEP), ArrowRight: () => p.skip(STEP),
      ArrowUp: () => p.faster(1), ArrowDown: () => p.faster(-1)};
    const act = actions[e.key];
    if (act) { act(); e.preventDefault(); }
  };
  document.addEventListener('keydown', handler);
  return () => document.removeEventListener('keydown', handler);
}

export const SHORTCUTS_HELP = 'میان‌برها: Ctrl+فاصله پخش/مکث — Ctrl+← و Ctrl+→ پنج ثانیه عقب/جلو — Ctrl+↑ و Ctrl+↓ سرعت (بیرون از کادر متن بدون Ctrl)';
