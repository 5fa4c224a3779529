// The newsletter form's progressive enhancement: answer inline instead of loading a new page.
// Without it (or if fetch fails) the form posts as usual.
(() => {
  document.querySelectorAll<HTMLFormElement>('form[data-newsletter-form]').forEach((form) => {
    if (form.dataset.enhanced) return;
    form.dataset.enhanced = '1';
    const answer = form.querySelector<HTMLElement>('.newsletter-answer');
    form.addEventListener('submit', (event) => {
      if (!answer || typeof fetch !== 'function') return;
      event.preventDefault();
      const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
      if (button) button.disabled = true;
      const body = new URLSearchParams();
      new FormData(form).forEach((value, name) => {
        body.append(name, String(value));
      });
      fetch(form.action, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body,
      })
        .then((res) => res.json() as Promise<{ message?: string }>)
        .then((data) => {
          answer.textContent = data.message ?? 'Something went wrong; please try again.';
          answer.hidden = false;
        })
        .catch(() => form.submit())
        .finally(() => {
          if (button) button.disabled = false;
        });
    });
  });
})();
