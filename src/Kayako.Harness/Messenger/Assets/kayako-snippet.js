// Injected for pages that have no Kayako embed snippet of their own (MessengerOptions.InjectSnippet):
// creates window.kayako the way the real snippet does, once the page's own scripts had their chance.
document.addEventListener('DOMContentLoaded', () => {
  // Only the top page gets one: a frame (the admin-panel snippet's messenger iframe among them) is not a site page.
  if (window !== window.top || window.kayako !== undefined) {
    return;
  }
  const kayako = {};
  window.kayako = kayako;
  kayako.readyQueue = [];
  kayako.ready = (callback) => {
    kayako.readyQueue.push(callback);
  };
  kayako._settings = {
    apiUrl: 'https://harness.kayako.com/api/v1',
    messengerUrl: 'https://harness.kayakocdn.com/messenger',
    realtimeUrl: 'wss://harness.kayako.net/socket',
  };
  const load = () => {
    const script = document.createElement('script');
    script.async = true;
    script.src = kayako._settings.messengerUrl;
    (document.head || document.documentElement).appendChild(script);
  };
  if (document.readyState === 'complete') {
    load();
  } else {
    window.addEventListener('load', load);
  }
});
