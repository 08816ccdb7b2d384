"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState } from "react";

export interface WindowRowsOptions {
  count: number;
  /** A row's height before it is measured. */
  estimateSize: number;
  overscan?: number;
  /** The next page of a paged list, asked for while `ahead` loaded rows are still to come. */
  more: { hasMore: boolean; busy: boolean; ahead: number; load: () => void };
}

/**
 * A long list scrolling with the window: only the rows in view (and `overscan` more) are
 * rendered; `before` and `after` are the heights the rest stands in for (spacers or padding).
 * Put `container` on the element the rows start in.
 */
export function useWindowRows<T extends HTMLElement>({
  count,
  estimateSize,
  overscan = 8,
  more,
}: WindowRowsOptions) {
  const container = useRef<T>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    // Where the rows start in the document: the page's header scrolls away above them.
    if (container.current) setScrollMargin(container.current.getBoundingClientRect().top + window.scrollY);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => estimateSize,
    overscan,
    scrollMargin,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);

  const { hasMore, busy, ahead, load } = more;
  const lastIndex = last?.index ?? 0;
  useEffect(() => {
    if (hasMore && !busy && lastIndex >= count - ahead) load();
  }, [hasMore, busy, lastIndex, count, ahead, load]);

  return {
    container,
    virtualizer,
    items,
    before: first ? first.start - scrollMargin : 0,
    after: last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0,
  };
}
