import type { CDPSession, Page } from 'playwright-core';

/**
 * Reads the badges inside the overlay's closed shadow root the way assistive technology does, through the
 * DevTools protocol (the page's own scripts cannot reach them): each badge's accessible name from the
 * accessibility tree, whether it has focus, and whether its tooltip is visible.
 */
export interface BadgeView {
  name: string;
  focused: boolean;
  tipVisible: boolean;
  rect: { x: number; y: number; width: number; height: number };
}

interface DomNode {
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

async function badgeNodes(cdp: CDPSession): Promise<number[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const out: number[] = [];
  const walk = (node: DomNode) => {
    const attrs = node.attributes ?? [];
    const i = attrs.indexOf('aria-label');
    if (i >= 0 && attrs[i + 1]?.startsWith('Origin Lens:') && attrs.includes('data-state'))
      out.push(node.backendNodeId);
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
  };
  walk(root);
  return out;
}

/** Runs `functionDeclaration` on every drawn badge (its `this`), in the overlay's order; with each badge's name. */
async function onBadges<T>(
  page: Page,
  functionDeclaration: string,
): Promise<Array<{ name: string; value: T }>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const out: Array<{ name: string; value: T }> = [];
    for (const backendNodeId of await badgeNodes(cdp)) {
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId })) as {
        object: { objectId: string };
      };
      const { result } = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        returnByValue: true,
        functionDeclaration,
      })) as { result: { value: T } };
      const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', {
        backendNodeId,
        fetchRelatives: false,
      })) as { nodes: Array<{ name?: { value?: string } }> };
      out.push({ name: nodes[0]?.name?.value ?? '', value: result.value });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

/** Every drawn badge (shown or hidden), in the overlay's order. */
export async function badgeViews(page: Page): Promise<BadgeView[]> {
  const views = await onBadges<Omit<BadgeView, 'name'>>(
    page,
    `function () {
      const tip = this.querySelector('.tip');
      const r = this.getBoundingClientRect();
      return {
        focused: this.getRootNode().activeElement === this,
        tipVisible: !!tip && getComputedStyle(tip).visibility === 'visible' && getComputedStyle(tip).opacity !== '0',
        rect: { x: r.x, y: r.y, width: r.width, height: r.height },
      };
    }`,
  );
  return views.map(({ name, value }) => ({ name, ...value }));
}

/**
 * From now on, every drawn badge notes the CSS transitions that start inside it (`transitionrun`, which does
 * not leave the shadow root); `badgeTransitions` reads them. A transition lasts 120 ms, less than a look at it
 * through the protocol may take on a loaded machine, so the events are kept rather than the running animations.
 */
export async function recordBadgeTransitions(page: Page): Promise<void> {
  await onBadges(
    page,
    `function () {
      this.__transitions = [];
      this.addEventListener('transitionrun', (e) => this.__transitions.push(e.target.className + ':' + e.propertyName));
    }`,
  );
}

/** What each badge noted since recordBadgeTransitions: `<class of the element>:<property>`. */
export async function badgeTransitions(page: Page): Promise<Array<{ name: string; value: string[] }>> {
  return onBadges<string[]>(page, 'function () { return this.__transitions ?? []; }');
}

/** The badge that has keyboard focus, if any. */
export async function focusedBadge(page: Page): Promise<BadgeView | undefined> {
  return (await badgeViews(page)).find((b) => b.focused);
}
