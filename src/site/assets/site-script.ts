// Progressive enhancement for reader pages. Everything works without it.
(() => {
  const nativeShare = document.querySelector<HTMLButtonElement>('.share-native');
  if (nativeShare && typeof navigator.share === 'function') {
    nativeShare.parentElement?.removeAttribute('hidden');
    nativeShare.addEventListener('click', () => {
      navigator.share({ title: nativeShare.dataset.title, url: nativeShare.dataset.url }).catch(() => {});
    });
  }
  const copy = document.querySelector<HTMLAnchorElement>('.share-copy');
  if (copy && navigator.clipboard) {
    copy.addEventListener('click', (event) => {
      event.preventDefault();
      navigator.clipboard.writeText(copy.dataset.copy ?? location.href).then(
        () => {
          copy.textContent = 'Link copied';
          setTimeout(() => {
            copy.textContent = 'Copy link';
          }, 2000);
        },
        () => {},
      );
    });
  }
})();
