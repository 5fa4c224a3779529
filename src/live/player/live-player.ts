// The /live page's player: the <video> plays HLS natively where the browser can (Safari, iOS,
// recent Chromium), and through hls.js (MSE) elsewhere. Without this script the <video> still
// offers its <source>s (main, then backup) to browsers that play HLS themselves.
import type HlsType from 'hls.js';

// hls.js's own minified build runs first in the same file and leaves `Hls` on the window.
declare const Hls: typeof HlsType;

(() => {
  const video = document.querySelector<HTMLVideoElement>('video[data-live-player]');
  const status = document.querySelector<HTMLElement>('[data-live-status]');
  if (!video) return;
  const sources = Array.from(video.querySelectorAll('source'), (s) => s.src).filter(Boolean);
  if (sources.length === 0) return;

  function say(message: string) {
    if (!status) return;
    status.textContent = message;
    status.hidden = message === '';
  }

  const failed = 'The live stream is not available right now. Please try again in a few minutes.';
  // ?player=hlsjs makes a browser with native HLS use hls.js, so both paths can be tested.
  const forceHlsJs = new URLSearchParams(location.search).get('player') === 'hlsjs';
  const native = !forceHlsJs && video.canPlayType('application/vnd.apple.mpegurl') !== '';

  if (native || !Hls.isSupported()) {
    // The browser tries each <source> in turn; when the last fails, nothing plays.
    const last = video.querySelector('source:last-of-type');
    last?.addEventListener('error', () => say(failed));
    video.addEventListener('error', () => say(failed));
    if (!native) {
      say('This browser cannot play the live stream.');
      return;
    }
    // A native player can sit on a dead source without an error event (seen in Chromium on a
    // loaded machine): once the reader presses play, a source that has not started within
    // ten seconds is given up for the next one, and after the last the reader is told.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(giveUp, 10_000);
    };
    function giveUp() {
      const next = Math.max(sources.indexOf(video!.currentSrc), 0) + 1;
      if (next >= sources.length) {
        say(failed);
        return;
      }
      video!.src = sources[next]!;
      video!.play().catch(() => {});
      arm();
    }
    video.addEventListener('play', arm, { once: true });
    video.addEventListener('playing', () => clearTimeout(timer));
    video.addEventListener('error', () => clearTimeout(timer));
    return;
  }

  for (const source of Array.from(video.querySelectorAll('source'))) source.remove();
  video.removeAttribute('src');
  video.load();
  let current = 0;
  let hls: HlsType | null = null;
  let wanted = false;

  function start(index: number) {
    hls?.destroy();
    current = index;
    // No worker: the page's Content-Security-Policy allows no blob: scripts.
    hls = new Hls({ enableWorker: false, autoStartLoad: wanted, lowLatencyMode: false });
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (!data.fatal) return;
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
        hls?.recoverMediaError();
      } else if (current + 1 < sources.length) {
        say('');
        start(current + 1);
        if (wanted) video!.play().catch(() => {});
      } else {
        hls?.destroy();
        hls = null;
        say(failed);
      }
    });
    hls.loadSource(sources[index]!);
    hls.attachMedia(video!);
    video!.dataset.liveSource = String(index);
  }

  // Load nothing until the reader presses play: the schedule alone costs no video bandwidth.
  video.addEventListener('play', () => {
    if (wanted) return;
    wanted = true;
    hls?.startLoad();
  });
  start(0);
})();
