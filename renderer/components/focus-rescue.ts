import { useEffect } from 'react';

/**
 * A button that disables itself while its call runs would drop keyboard focus to <body>. When the
 * focused control becomes disabled, focus moves to the heading of its step or screen (or the main
 * region), so keyboard and screen-reader users stay where they were.
 */
export const useFocusRescue = (): void => {
  useEffect(() => {
    let focused: Element | null = null;
    const onFocusIn = (e: FocusEvent) => {
      focused = e.target instanceof Element ? e.target : null;
    };
    const observer = new MutationObserver((mutations) => {
      for (const m of mutations) {
        const el = m.target;
        if (el !== focused || !(el instanceof HTMLElement) || !el.hasAttribute('disabled')) continue;
        // Chromium moves focus off a disabled control lazily (at the next rendering), so the control may
        // still be active here; anything else focused meanwhile is left alone.
        const active = document.activeElement;
        if (active && active !== document.body && active !== el) continue;
        const home = el.closest('dialog, section, main')?.querySelector<HTMLElement>('h2[tabindex="-1"], h2') ?? document.getElementById('main');
        if (home && !home.hasAttribute('tabindex')) home.setAttribute('tabindex', '-1');
        home?.focus();
      }
    });
    document.addEventListener('focusin', onFocusIn);
    observer.observe(document.body, { attributes: true, attributeFilter: ['disabled'], subtree: true });
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      observer.disconnect();
    };
  }, []);
};
