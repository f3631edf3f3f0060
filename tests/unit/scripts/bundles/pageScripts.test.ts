import { describe, expect, it } from 'vitest';
import { pageScripts } from '../../../../scripts/bundles/pageScripts';

const BUILT = `<!doctype html><html><head>
  <script type="module" crossorigin src="/assets/track-B7W.js"></script>
  <link rel="modulepreload" crossorigin href="/assets/runtime-Wk.js">
  <link rel="modulepreload" crossorigin href="/assets/react-Dr.js">
  <link rel="stylesheet" crossorigin href="/assets/track-Dd.css">
  <link rel="icon" type="image/png" href="/icons/outlet-192.png" />
</head><body><div id="root"></div></body></html>`;

describe('the scripts a built page loads before it runs', () => {
  it('are its module entry and its modulepreloads, as paths under dist/', () => {
    expect(pageScripts(BUILT, 'track/index.html')).toEqual({
      local: ['assets/track-B7W.js', 'assets/runtime-Wk.js', 'assets/react-Dr.js'],
      external: [],
    });
  });

  it('leave out stylesheets, icons, classic scripts and JSON data blocks', () => {
    const html = '<link rel=stylesheet href=/a.css><script src="/legacy.js"></script><script type="application/json">{}</script>';
    expect(pageScripts(html, 'order/index.html').local).toEqual([]);
  });

  it('resolve relative URLs against the page and drop query strings', () => {
    const html = `<script type='module' src='./main.js?v=2'></script><link rel="modulepreload" href="../assets/x.js">`;
    expect(pageScripts(html, 'order/index.html').local).toEqual(['order/main.js', 'assets/x.js']);
  });

  it('set apart scripts from other origins, which dist/ cannot measure', () => {
    const html =
      '<script type="module" src="https://cdn.example/firebase.js"></script><link rel="modulepreload" href="//cdn.example/x.js">';
    expect(pageScripts(html, 'driver/index.html')).toEqual({
      local: [],
      external: ['https://cdn.example/firebase.js', '//cdn.example/x.js'],
    });
  });

  it('count a file preloaded twice once', () => {
    const html = '<script type="module" src="/assets/a.js"></script><link rel="modulepreload" href="/assets/a.js">';
    expect(pageScripts(html, 'track/index.html').local).toEqual(['assets/a.js']);
  });
});
