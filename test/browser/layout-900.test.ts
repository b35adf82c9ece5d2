import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations } from './harness/axe';
import { describeOnEachLauncher } from './harness/fixture';
import { exportTokenToUsb } from './harness/operator';

// The window at 900 × 700 (a small operator console over remote desktop): the mode banner, the side
// navigation and the main region each hold their place, nothing clipped or overlapping, and axe stays clean.

type Box = { x: number; y: number; right: number; bottom: number };

/** Where the three regions are, what of the banner's contents overflows it, and whether the page scrolls sideways. */
const layout = (page: Page) =>
  page.evaluate(() => {
    const box = (el: Element | null): Box => {
      const r = el?.getBoundingClientRect();
      if (!r) throw new Error('missing region');
      return { x: r.x, y: r.y, right: r.right, bottom: r.bottom };
    };
    const banner = document.querySelector('[data-testid="mode-banner"]');
    const bannerBox = box(banner);
    const outside = [...(banner?.children ?? [])]
      .map((c) => ({ text: c.textContent ?? '', r: c.getBoundingClientRect() }))
      // A closed dialog takes no room.
      .filter(({ r }) => r.width > 0 || r.height > 0)
      .filter(({ r }) => r.left < bannerBox.x - 0.5 || r.right > bannerBox.right + 0.5 || r.top < bannerBox.y - 0.5 || r.bottom > bannerBox.bottom + 0.5)
      .map(({ text }) => text);
    const clipped = [...document.querySelectorAll('header, nav, main, [data-testid="mode-banner"]')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.tagName);
    return {
      header: box(document.querySelector('.app-header')),
      banner: bannerBox,
      nav: box(document.querySelector('nav.side-nav')),
      main: box(document.querySelector('main')),
      outside,
      clipped,
      // Badges (tags, statuses, "this machine") keep to one line.
      wrappedBadges: [...document.querySelectorAll('.tag, .status, .journey-here')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          // Whole at this width, and kept whole at any width.
          return r.width > 0 && (el.getClientRects().length > 1 || r.height > 2 * parseFloat(style.fontSize) || style.whiteSpace !== 'nowrap');
        })
        .map((el) => el.textContent ?? ''),
      pageWidth: document.documentElement.scrollWidth,
    };
  });

const expectHolds = async (page: Page, state: string) => {
  const l = await layout(page);
  expect(l.pageWidth, `${state}: no sideways scroll`).toBeLessThanOrEqual(900);
  expect(l.outside, `${state}: banner contents inside the banner`).toEqual([]);
  expect(l.clipped, `${state}: nothing cut off`).toEqual([]);
  expect(l.wrappedBadges, `${state}: badges on one line`).toEqual([]);
  expect(l.banner.right, `${state}: banner within the window`).toBeLessThanOrEqual(900);
  expect(l.header.bottom, `${state}: header above the banner`).toBeLessThanOrEqual(l.banner.y + 0.5);
  expect(l.banner.bottom, `${state}: banner above nav`).toBeLessThanOrEqual(l.nav.y + 0.5);
  expect(l.banner.bottom, `${state}: banner above main`).toBeLessThanOrEqual(l.main.y + 0.5);
  expect(l.nav.right, `${state}: nav beside main`).toBeLessThanOrEqual(l.main.x + 0.5);
  expect(l.main.right, `${state}: main within the window`).toBeLessThanOrEqual(900.5);
  expect(await axeViolations(page), `${state}: axe`).toEqual([]);
};

describeOnEachLauncher('the window at 900 px', (flow) => {
  it('keeps the banner, the navigation and the main region apart and whole on the screens of both sides, in both modes', async () => {
    const { page } = await flow.machine('narrow');
    await page.setViewportSize({ width: 900, height: 700 });
    await page.getByTestId('side-stamp').waitFor();
    await expectHolds(page, 'home');
    await exportTokenToUsb(page);
    await expectHolds(page, 'export: saved, hand-off pinned');
    await page.getByRole('navigation').getByRole('button', { name: 'Hand-offs', exact: true }).click();
    await expectHolds(page, 'hand-offs');
    // Nothing in progress on the connected-host leg: it starts at once.
    await page.getByTestId('new-register').click();
    await page.locator('section.step[data-step="sign-in"]').waitFor();
    await expectHolds(page, 'register: sign-in');
    await page.getByRole('button', { name: 'Switch to live' }).click();
    await page.getByRole('dialog').getByTestId('confirm-dialog-confirm').click();
    await expect.poll(() => page.getByTestId('mode-banner').textContent()).toContain('Live mode');
    await expectHolds(page, 'live mode');
    // French sentences are longer.
    await page.getByLabel('Language').selectOption('fr');
    await expect.poll(() => page.getByTestId('mode-banner').textContent()).toContain('Mode réel');
    await expectHolds(page, 'live mode, French');
    if (process.env.AZS_NAV_SHOTS) await page.screenshot({ path: process.env.AZS_NAV_SHOTS });
  });
});
